import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { type AdjudicationCache, CachedAdjudication } from '@em/core/adjudication';

/** Where the adjudication cache of a database lives: beside it, as `<db>.llm-cache.jsonl`. */
export const llmCachePathFor = (databasePath: string): string => `${databasePath}.llm-cache.jsonl`;

export interface JsonlAdjudicationCache extends AdjudicationCache {
  readonly path: string;
  /** Entries loaded or written so far (after the first `get`/`set`). */
  size(): number;
  /** Lines that could not be read (e.g. a last line cut short by a crash); they are ignored. */
  skippedLines(): number;
}

/**
 * The adjudication cache as an append-only JSON-lines file, one `{ "key", "value" }` per line,
 * the last line for a key winning. Read once, on first use; every `set` appends one line.
 */
export function createJsonlAdjudicationCache(path: string): JsonlAdjudicationCache {
  const entries = new Map<string, CachedAdjudication>();
  let skipped = 0;
  let loading: Promise<void> | null = null;
  let writing: Promise<void> = Promise.resolve();

  const load = (): Promise<void> => {
    loading ??= (async () => {
      let text = '';
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
      for (const line of text.split('\n')) {
        if (line.trim() === '') continue;
        const entry = readLine(line);
        if (entry === null) skipped++;
        else entries.set(entry.key, entry.value);
      }
    })();
    return loading;
  };

  return {
    path,
    async get(key) {
      await load();
      return entries.get(key);
    },
    async set(key, value) {
      await load();
      entries.set(key, value);
      const line = `${JSON.stringify({ key, value })}\n`;
      writing = writing.then(async () => {
        await mkdir(dirname(path), { recursive: true });
        await appendFile(path, line, 'utf8');
      });
      await writing;
    },
    size: () => entries.size,
    skippedLines: () => skipped,
  };
}

function readLine(line: string): { key: string; value: CachedAdjudication } | null {
  try {
    const raw = JSON.parse(line) as { key?: unknown; value?: unknown };
    const value = CachedAdjudication.safeParse(raw.value);
    return typeof raw.key === 'string' && value.success ? { key: raw.key, value: value.data } : null;
  } catch {
    return null;
  }
}
