/** A labelled source with a true match, and the candidates the cascade looked at for it. */
export interface RecallCase {
  readonly truth: string;
  readonly candidates: readonly { readonly ciq_id: string; readonly channels?: readonly string[] }[];
}

/** Recall@k per candidate channel over labelled matches (k: each channel's own cut). */
export interface ChannelRecall {
  /** Labelled sources with a true match. */
  readonly matches: number;
  /** Of them, how many had the true row among the candidates (any channel). */
  readonly found: number;
  /** Per channel ('name', 'ticker', 'isin', a blocking key, …): how many had the true row found by that channel. */
  readonly byChannel: Readonly<Record<string, number>>;
}

/**
 * How many labelled matches each channel brought to the candidates. A candidate without a
 * channel list came from the name index (as the pair features read it).
 */
export function channelRecall(cases: Iterable<RecallCase>): ChannelRecall {
  let matches = 0;
  let found = 0;
  const byChannel: Record<string, number> = {};
  for (const c of cases) {
    matches++;
    const hit = c.candidates.find((x) => x.ciq_id === c.truth);
    if (!hit) continue;
    found++;
    for (const channel of new Set(hit.channels ?? ['name']))
      byChannel[channel] = (byChannel[channel] ?? 0) + 1;
  }
  return { matches, found, byChannel };
}
