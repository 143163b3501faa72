/** One labelled (source, candidate) pair. `group` is the source key: pairs of one source stay on one side of the split. */
export interface LabelledPair {
  readonly features: ArrayLike<number>;
  readonly label: 0 | 1;
  readonly group: string;
  /** Training weight (default 1), e.g. for pairs from human review decisions. */
  readonly weight?: number;
  /** A person's word (a review decision or an `em label` answer), not a gold file or pseudo-label. */
  readonly human?: boolean;
  /**
   * The candidate list this pair came from, when one group holds several (a self-supervised
   * source also seen with identifiers blanked, a perturbed name, its row hidden). Decisions are
   * made per list; the held-out split stays per group. Default: the group.
   */
  readonly instance?: string;
}

/** The candidate list a pair belongs to: one source-level decision per list. */
export const decisionList = (pair: LabelledPair): string => pair.instance ?? pair.group;
