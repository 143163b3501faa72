import {
  type Candidate,
  type CandidateRetriever,
  normalizeIdentifier,
  type PortCapabilities,
  type ReferenceEntity,
  type SourceEntity,
  validatedIdentifiers,
} from '@em/core';
import { tickerKey } from '@em/core/text';
import { type ReferenceRows, referenceRows } from '../../reference/reference-rows.js';
import { type BlockingKey, blockingKeyFunctions } from './blocking-keys.js';
import { KeyChannel } from './key-channel.js';

/** The name channel: any retriever; `retrieveOne` (synchronous) is needed for training. */
export interface NameRetriever extends CandidateRetriever {
  retrieveOne?(source: SourceEntity, k: number): Candidate[];
}

/** Per channel: how many sources it finds at least one candidate for. */
export type ChannelCoverage = ReadonlyMap<string, number>;

/**
 * Candidates from several channels (Splink's blocking rules): the name index's top-k, plus the
 * rows sharing the source's normalized ticker, each valid identifier, and each blocking key the
 * config declares. The union is deduplicated; each candidate records every channel that found
 * it. Rows only other channels found follow the name top-k, at the lowest name score.
 */
export class ChannelRetriever implements CandidateRetriever {
  readonly capabilities: PortCapabilities;
  readonly channels: readonly KeyChannel[];
  private readonly rows: ReferenceRows;

  constructor(
    readonly names: NameRetriever,
    reference: readonly ReferenceEntity[] | ReferenceRows,
    blockingKeys: readonly BlockingKey[] = [],
  ) {
    this.capabilities = names.capabilities;
    const rows = referenceRows(reference);
    this.rows = rows;
    // A row's identifier only needs normalizing, not validating: a source's key is a valid
    // identifier, and validity depends on the normalized text alone, so every row sharing it
    // holds that same valid identifier (a million rows: seconds of check digits saved).
    const normalized = (r: ReferenceRows, d: number, scheme: 'lei' | 'isin' | 'cusip') => {
      const value = r.field(scheme, d);
      const id = value === null ? '' : normalizeIdentifier(value);
      return id === '' ? null : id;
    };
    this.channels = [
      new KeyChannel(
        'ticker',
        (r) => tickerKey(r.ticker),
        rows,
        10,
        (r, d) => tickerKey(r.field('ticker', d)),
      ),
      ...(['lei', 'isin', 'cusip'] as const).map(
        (scheme) =>
          new KeyChannel(
            scheme,
            (r) => validatedIdentifiers(r)[scheme],
            rows,
            10,
            (r, d) => normalized(r, d, scheme),
          ),
      ),
      ...blockingKeyFunctions(blockingKeys).map((b) => new KeyChannel(b.name, b.key, rows, 20)),
    ];
  }

  async retrieve(sources: readonly SourceEntity[], k: number): Promise<Candidate[][]> {
    const lists = await this.names.retrieve(sources, k);
    return sources.map((s, i) => this.union(s, lists[i] ?? []));
  }

  retrieveOne(source: SourceEntity, k: number): Candidate[] {
    if (!this.names.retrieveOne) throw new Error('This name retriever cannot answer synchronously.');
    return this.union(source, this.names.retrieveOne(source, k));
  }

  /** Sources each channel reaches (has at least one candidate for); 'name' from `nameLists`. */
  coverage(sources: readonly SourceEntity[], nameLists?: readonly (readonly Candidate[])[]): ChannelCoverage {
    const counts = new Map<string, number>();
    if (nameLists) counts.set('name', nameLists.filter((l) => l.length > 0).length);
    for (const channel of this.channels) {
      counts.set(channel.name, sources.filter((s) => channel.find(s).length > 0).length);
    }
    return counts;
  }

  private union(source: SourceEntity, byName: readonly Candidate[]): Candidate[] {
    const found = new Map<number, string[]>();
    for (const channel of this.channels) {
      for (const row of channel.find(source)) {
        const list = found.get(row);
        if (list) list.push(channel.name);
        else found.set(row, [channel.name]);
      }
    }
    if (found.size === 0) return [...byName];
    const position = new Map<string, number>();
    for (const [row] of found) position.set(this.rows.field('ciq_id', row)!, row);
    const out: Candidate[] = byName.map((c) => {
      const row = position.get(c.entity.ciq_id);
      const also = row === undefined ? [] : found.get(row)!;
      if (row !== undefined) found.delete(row);
      return { ...c, channels: ['name', ...(c.channels ?? []).filter((x) => x !== 'name'), ...also] };
    });
    const lowest = byName.length > 0 ? Math.min(...byName.map((c) => c.score)) : 0;
    for (const [row, channels] of found) {
      out.push({ entity: this.rows.row(row), score: lowest, rank: out.length, channels });
    }
    return out;
  }
}
