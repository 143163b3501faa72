import { existsSync } from 'node:fs';
import type { ReferenceEntity } from '@em/core';
import type { ReferenceRows } from '../reference/reference-rows.js';
import { readIndexFile, readIndexFingerprint, writeIndexFile } from './index-file.js';
import { NameIndex } from './name-index.js';
import { DEFAULT_NAME_INDEX_OPTIONS, type NameIndexOptions } from './name-index-options.js';
import { referenceFingerprint } from './reference-fingerprint.js';

/** Where the index of a database lives: beside it. */
export const indexPathFor = (dbPath: string): string => `${dbPath}.em-index`;

export interface OpenedIndex {
  readonly index: NameIndex;
  readonly fingerprint: string;
  /** How the index was obtained: loaded from disk, or built (because it was missing, stale or forced). */
  readonly status: 'loaded' | 'built';
  readonly reason: string;
  readonly ms: number;
}

export interface OpenIndexOptions {
  readonly options?: NameIndexOptions;
  /** Rebuild even when the persisted index is current. */
  readonly rebuild?: boolean;
  /** Write a rebuilt index to disk (default true). */
  readonly persist?: boolean;
}

/**
 * Load `<file>` when its fingerprint equals the reference's, else build the index
 * and persist it there. This is the staleness check `em index`, `em train` and `em run` share.
 */
export function openIndex(
  file: string,
  reference: readonly ReferenceEntity[] | ReferenceRows,
  opts: OpenIndexOptions = {},
): OpenedIndex {
  const start = performance.now();
  const options = opts.options ?? DEFAULT_NAME_INDEX_OPTIONS;
  const fingerprint = referenceFingerprint(reference, options);
  let reason = 'rebuild requested';
  if (!opts.rebuild && (opts.persist ?? true)) {
    const stored = existsSync(file) ? readIndexFingerprint(file) : null;
    if (stored === fingerprint) {
      const { index } = readIndexFile(file);
      return { index, fingerprint, status: 'loaded', reason: 'current', ms: performance.now() - start };
    }
    reason = stored === null ? 'no index yet' : 'reference changed';
  } else if (!opts.rebuild) {
    reason = 'not persisted';
  }
  const index = NameIndex.build(reference, options);
  if (opts.persist ?? true) writeIndexFile(file, index, fingerprint);
  return { index, fingerprint, status: 'built', reason, ms: performance.now() - start };
}
