import { sourceKey } from '@em/core';
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
}

/** Recall@10 over sources with a true match, and single-thread queries/s, for a top-10 function. */
function measure(
  name: string,
  data: CompaniesData,
  buildMs: number,
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
    buildMs,
  };
}

/** Our index, MiniSearch (fuzzy + prefix, as a JavaScript developer would set it up) and brute-force exact cosine. */
export function comparePeers(data: CompaniesData): PeerResult[] {
  const ids = data.reference.map((r) => r.ciq_id);
  let t = performance.now();
  const index = NameIndex.build(data.reference);
  index.search(data.sources[0]!, 10);
  const ours = measure('em NameIndex (exact top-k)', data, performance.now() - t, (s) =>
    index.search(s, 10).map((h) => ids[h.doc]!),
  );
  t = performance.now();
  const brute = new BruteForce(index);
  const bruteResult = measure('brute-force exact cosine', data, performance.now() - t, (s) =>
    brute.search(s, 10).map((h) => ids[h.doc]!),
  );
  t = performance.now();
  const mini = new MiniSearch<{ id: number; company_name: string }>({
    fields: ['company_name'],
    idField: 'id',
  });
  mini.addAll(data.reference.map((r, id) => ({ id, company_name: r.company_name })));
  const miniBuild = performance.now() - t;
  const miniResult = measure('MiniSearch (fuzzy 0.2, prefix)', data, miniBuild, (s) =>
    mini
      .search(s.company_name, { fuzzy: 0.2, prefix: true })
      .slice(0, 10)
      .map((r) => ids[r.id as number]!),
  );
  return [ours, bruteResult, miniResult];
}
