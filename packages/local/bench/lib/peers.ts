import { sourceKey } from '@em/core';
import { Index as FlexIndex } from 'flexsearch';
import MiniSearch from 'minisearch';
import { NameIndex } from '../../src/retrieval/name-index.js';
import { BruteForce } from './brute-force.js';
import type { CompaniesData } from './companies-data.js';

export interface PeerResult {
  readonly name: string;
  readonly recall10: number;
  readonly recall10Hard: number;
  readonly queriesPerSecond: number;
  readonly buildMs: number;
  /** Heap and array-buffer growth from building the structure, after a full GC (needs --expose-gc). */
  readonly memoryMb: number | null;
}

const gc = (globalThis as { gc?: () => void }).gc;
/** Bytes held by the JS heap and by array buffers, after a full GC when available. */
const held = (): number => {
  gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

/** Build something and report its time and the memory it holds. */
function built<T>(build: () => T): { value: T; ms: number; memoryMb: number | null } {
  const before = held();
  const t = performance.now();
  const value = build();
  const ms = performance.now() - t;
  return { value, ms, memoryMb: gc ? Math.round((held() - before) / 2 ** 20) : null };
}

/** Recall@10 over sources with a true match, and single-thread queries/s, for a top-10 function. */
function measure(
  name: string,
  data: CompaniesData,
  build: { ms: number; memoryMb: number | null },
  top10: (s: CompaniesData['sources'][number]) => string[],
): PeerResult {
  const sources = data.sources.filter((s) => data.gold.get(sourceKey(s))!.trueCiqId !== null);
  let hit = 0;
  let hard = 0;
  let hardHit = 0;
  const started = performance.now();
  for (const s of sources) {
    const g = data.gold.get(sourceKey(s))!;
    const found = top10(s).includes(g.trueCiqId!);
    if (found) hit++;
    if (g.hard) {
      hard++;
      if (found) hardHit++;
    }
  }
  const ms = performance.now() - started;
  return {
    name,
    recall10: hit / sources.length,
    recall10Hard: hardHit / hard,
    queriesPerSecond: (sources.length / ms) * 1000,
    buildMs: build.ms,
    memoryMb: build.memoryMb,
  };
}

/**
 * Our index, brute-force exact cosine over the same vectors (the recall ceiling), MiniSearch
 * (fuzzy + prefix) and FlexSearch (forward tokenizer, suggest), each set up as a JavaScript
 * developer would, on the same reference and the same queries.
 */
export function comparePeers(data: CompaniesData): PeerResult[] {
  const ids = data.reference.map((r) => r.ciq_id);
  const ours = built(() => {
    const index = NameIndex.build(data.reference);
    index.search(data.sources[0]!, 10); // derive the search structures before timing
    return index;
  });
  const index = ours.value;
  const oursResult = measure('em NameIndex (exact top-k)', data, ours, (s) =>
    index.search(s, 10).map((h) => ids[h.doc]!),
  );
  const brute = built(() => new BruteForce(index));
  const bruteResult = measure('brute-force exact cosine', data, brute, (s) =>
    brute.value.search(s, 10).map((h) => ids[h.doc]!),
  );
  const mini = built(() => {
    const m = new MiniSearch<{ id: number; company_name: string }>({
      fields: ['company_name'],
      idField: 'id',
    });
    m.addAll(data.reference.map((r, id) => ({ id, company_name: r.company_name })));
    return m;
  });
  const miniResult = measure('MiniSearch (fuzzy 0.2, prefix)', data, mini, (s) =>
    mini.value
      .search(s.company_name, { fuzzy: 0.2, prefix: true })
      .slice(0, 10)
      .map((r) => ids[r.id as number]!),
  );
  const flex = built(() => {
    const f = new FlexIndex({ tokenize: 'forward' });
    data.reference.forEach((r, id) => {
      f.add(id, r.company_name);
    });
    return f;
  });
  const flexResult = measure('FlexSearch (forward, suggest)', data, flex, (s) =>
    (flex.value.search(s.company_name, { limit: 10, suggest: true }) as number[]).map((id) => ids[id]!),
  );
  return [oursResult, bruteResult, miniResult, flexResult];
}
