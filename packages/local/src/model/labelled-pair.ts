/** One labelled (source, candidate) pair. `group` is the source key: pairs of one source stay on one side of the split. */
export interface LabelledPair {
  readonly features: ArrayLike<number>;
  readonly label: 0 | 1;
  readonly group: string;
  /** Training weight (default 1), e.g. for pairs from human review decisions. */
  readonly weight?: number;
}
