import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fnv1a } from '@em/core/features';
import { parseDittoRecord } from '@em/core/text';

export interface DittoPairRow {
  /** `left<TAB>right` as em-eval hashes it. */
  readonly key: string;
  readonly left: Record<string, string>;
  readonly right: Record<string, string>;
  readonly label: 0 | 1;
}

/** Pairs of a Ditto-format file (`left<TAB>right<TAB>label`), records as attribute → value. */
export function readDittoFile(file: string): DittoPairRow[] {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines.map((line) => {
    const [left = '', right = '', label = ''] = line.split('\t');
    const record = (t: string) => Object.fromEntries(parseDittoRecord(t).map((f) => [f.attribute, f.value]));
    return {
      key: `${left}\t${right}`,
      left: record(left),
      right: record(right),
      label: label.trim() === '1' ? 1 : 0,
    };
  });
}

/** The tune/train file of a dataset folder: train.txt, else train.*.txt, else none. */
export function trainFileOf(dir: string): string | null {
  if (existsSync(path.join(dir, 'train.txt'))) return path.join(dir, 'train.txt');
  const balanced = path.join(dir, 'train.balance.txt');
  return existsSync(balanced) ? balanced : null;
}

/** Attribute names in order of first appearance. */
export function attributesOf(rows: readonly DittoPairRow[]): string[] {
  const seen = new Set<string>();
  for (const r of rows) for (const a of [...Object.keys(r.left), ...Object.keys(r.right)]) seen.add(a);
  return [...seen];
}

export { fnv1a };
