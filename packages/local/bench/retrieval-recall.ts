import { sourceKey } from '@em/core';
import { NameIndex } from '../src/retrieval/name-index.js';
import { loadCompanies } from './lib/companies-data.js';

const data = loadCompanies();
const t0 = performance.now();
const arg = (name: string, dflt: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const index = NameIndex.build(data.reference, {
  blockWeights: { g: arg('g', 1), w: arg('w', 1), p: arg('p', 0.5), t: arg('t', 1) },
  countryBoost: arg('country', 0.05),
});
console.log(
  `build ${(performance.now() - t0).toFixed(0)} ms, ${index.arrays.terms.length} terms, ${index.arrays.postingDocs.length} postings`,
);
const ks = [1, 5, 10, 20];
const hits = { all: ks.map(() => 0), hard: ks.map(() => 0) };
let nAll = 0;
let nHard = 0;
const misses: string[] = [];
const t1 = performance.now();
for (const s of data.sources) {
  const g = data.gold.get(sourceKey(s))!;
  if (g.trueCiqId === null) continue;
  const res = index.search(s, 20);
  const pos = res.findIndex((h) => data.reference[h.doc]!.ciq_id === g.trueCiqId);
  nAll++;
  if (g.hard) nHard++;
  ks.forEach((k, i) => {
    if (pos >= 0 && pos < k) {
      hits.all[i]!++;
      if (g.hard) hits.hard[i]!++;
    }
  });
  if (pos < 0 || pos >= 10) {
    const truth = data.reference.find((r) => r.ciq_id === g.trueCiqId)!;
    misses.push(
      `${g.hard ? 'H' : ' '} ${pos} ${s.company_name} [${s.country}] => ${truth.company_name} [${truth.country}] | top: ${data.reference[res[0]!.doc]!.company_name}`,
    );
  }
}
const dt = performance.now() - t1;
console.log(`queries ${nAll} in ${dt.toFixed(0)} ms (${((nAll / dt) * 1000).toFixed(0)}/s)`);
ks.forEach((k, i) => {
  console.log(
    `recall@${k} all ${(hits.all[i]! / nAll).toFixed(4)} hard ${(hits.hard[i]! / nHard).toFixed(4)}`,
  );
});
if (process.argv.includes('--misses')) console.log(misses.join('\n'));
