import { normalizeCompanyName, type ScoringPair } from '@em/core';
import { nameSimilarity, tickerKey } from '@em/core/text';

/**
 * Strong evidence that a candidate is the source's company, found without labels:
 * - identifier: the only candidate sharing a valid identifier with the source, and the names agree;
 * - exact_name: the only candidate with the same normalized base name, in a compatible country;
 * - ticker_name: the only candidate with the same ticker key, and the names agree closely.
 * A source whose evidence points at two different rows has none.
 */
export type EvidenceKind = 'identifier' | 'exact_name' | 'ticker_name';

export interface PseudoEvidence {
  readonly kind: EvidenceKind;
  /** Index of the evidenced candidate in the list. */
  readonly index: number;
  /** Another candidate shares the source's ticker: the evidence stands, but is not used for training. */
  readonly tickerConflict: boolean;
}

/** A candidate found by the ticker alone, whose name disagrees: a rename, or a ticker collision. */
export interface TickerOnly {
  readonly index: number;
}

/** Name similarity at which an identifier hit counts as evidence (below it: another line, a data error). */
export const IDENTIFIER_NAME_AGREES = 0.5;
const TICKER_NAME_AGREES = 0.8;

const IDENTIFIER_CHANNELS = new Set(['lei', 'isin', 'cusip']);
/** A candidate a valid identifier of the source brought in (the LEI, ISIN or CUSIP channel). */
export const foundByIdentifier = (p: ScoringPair): boolean =>
  (p.candidate.channels ?? []).some((c) => IDENTIFIER_CHANNELS.has(c));

const compatible = (a: string | null | undefined, b: string | null | undefined): boolean =>
  !a || !b || a.trim().toLowerCase() === b.trim().toLowerCase();

/** What the candidate list itself says about the source's true row, or null. */
export function pseudoEvidence(list: readonly ScoringPair[]): PseudoEvidence | TickerOnly | null {
  if (list.length === 0) return null;
  const source = list[0]!.source;
  const base = normalizeCompanyName(source.company_name ?? '').base;
  const ticker = tickerKey(source.ticker);
  const similarity = list.map((p) =>
    nameSimilarity(source.company_name ?? '', p.candidate.entity.company_name ?? ''),
  );
  const sameTicker =
    ticker === null
      ? []
      : list.map((p, i) => (tickerKey(p.candidate.entity.ticker) === ticker ? i : -1)).filter((i) => i >= 0);
  const found: PseudoEvidence[] = [];
  const only = (indexes: number[], kind: EvidenceKind): void => {
    if (indexes.length === 1)
      found.push({ kind, index: indexes[0]!, tickerConflict: sameTicker.some((i) => i !== indexes[0]) });
  };
  const hasIdentifier = list.map((p, i) => (foundByIdentifier(p) ? i : -1)).filter((i) => i >= 0);
  if (hasIdentifier.length === 1 && similarity[hasIdentifier[0]!]! >= IDENTIFIER_NAME_AGREES)
    only(hasIdentifier, 'identifier');
  if (base !== '') {
    only(
      list
        .map((p, i) =>
          normalizeCompanyName(p.candidate.entity.company_name ?? '').base === base &&
          compatible(source.country, p.candidate.entity.country)
            ? i
            : -1,
        )
        .filter((i) => i >= 0),
      'exact_name',
    );
  }
  if (sameTicker.length === 1 && similarity[sameTicker[0]!]! >= TICKER_NAME_AGREES)
    only(sameTicker, 'ticker_name');
  if (found.length > 0) {
    const index = found[0]!.index;
    // Evidence pointing two ways is no evidence.
    return found.every((f) => f.index === index) ? found[0]! : null;
  }
  if (sameTicker.length === 1 && similarity[sameTicker[0]!]! < TICKER_NAME_AGREES)
    return { index: sameTicker[0]! };
  return null;
}

export const isEvidence = (e: PseudoEvidence | TickerOnly | null): e is PseudoEvidence =>
  e !== null && 'kind' in e;
