import type { CascadeConfig } from '@em/core';
import type { Database } from '../db/database.js';
import { readSourceRows } from '../model/local-backends.js';
import { readReferenceStore } from '../reference/read-reference-store.js';
import { parseBlockingKey } from '../retrieval/channels/blocking-keys.js';
import { ChannelRetriever } from '../retrieval/channels/channel-retriever.js';
import { IndexRetriever } from '../retrieval/index-retriever.js';
import { indexPathFor, type OpenedIndex, openIndex } from '../retrieval/open-index.js';

/** What `em index` asks of the embedded engine. */
export interface IndexOptions {
  /** Build even when the saved index is current. */
  readonly rebuild?: boolean;
  /** Its `blockingKeys` add candidate channels to the coverage report. */
  readonly config?: CascadeConfig;
}

/** The index beside the database, and how many ingested sources each candidate channel reaches. */
export interface IndexReport {
  readonly index: string;
  readonly status: OpenedIndex['status'];
  readonly reason: string;
  readonly referenceRows: number;
  readonly terms: number;
  readonly postings: number;
  readonly ms: number;
  readonly fingerprint: string;
  readonly sources: number;
  /** Per channel: sources it finds at least one candidate for (`name`: every source with a name). */
  readonly channelCoverage: Record<string, number>;
}

/** Bring the retrieval index up to date (or rebuild it) and measure each channel's reach. */
export async function indexReference(db: Database, options: IndexOptions = {}): Promise<IndexReport> {
  // The columnar store, as em run reads it: no object per reference row.
  const reference = await readReferenceStore((sql, params) => db.all(sql, params, 'query'));
  const sources = await readSourceRows((sql) => db.all(sql, [], 'query'));
  const path = indexPathFor(db.path);
  const opened = openIndex(path, reference, { rebuild: options.rebuild ?? false });
  const channels = new ChannelRetriever(
    new IndexRetriever(opened.index, reference),
    reference,
    (options.config?.blockingKeys ?? []).map(parseBlockingKey),
  );
  const named = sources.filter((s) => (s.company_name ?? '').trim() !== '').length;
  const a = opened.index.arrays;
  return {
    index: path,
    status: opened.status,
    reason: opened.reason,
    referenceRows: a.nDocs,
    terms: a.terms.length,
    postings: a.postingDocs.length,
    ms: Math.round(opened.ms),
    fingerprint: opened.fingerprint,
    sources: sources.length,
    channelCoverage: { name: named, ...Object.fromEntries(channels.coverage(sources)) },
  };
}
