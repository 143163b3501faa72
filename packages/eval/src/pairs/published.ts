import { readFile } from 'node:fs/promises';
import { InputError } from '@em/core';
import { readLines } from './ditto-pairs.js';

/** A published F1 the caller supplies for comparison; F1 in [0, 1] (files may give percent). */
export interface PublishedResult {
  dataset: string;
  system: string;
  published_f1: number;
}

const DEFAULT_SYSTEM = 'published';

function toUnit(file: string, where: string, value: unknown): number {
  const n = typeof value === 'string' ? Number(value.trim()) : value;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0 || n > 100) {
    throw new InputError(
      `${file} ${where}: published_f1 ${JSON.stringify(value)} is not an F1 (0–1 or 0–100).`,
    );
  }
  return n > 1 ? n / 100 : n;
}

/**
 * Read published results: CSV with header `dataset,published_f1[,system]`, or JSON — an array
 * of {dataset, published_f1, system?} or an object {dataset: f1}. F1 above 1 is read as percent.
 */
export async function loadPublished(path: string, file = path): Promise<PublishedResult[]> {
  if (/\.json$/i.test(path)) {
    let data: unknown;
    try {
      data = JSON.parse(await readFile(path, 'utf8'));
    } catch (error) {
      throw new InputError(`${file}: not valid JSON (${error instanceof Error ? error.message : error}).`);
    }
    if (Array.isArray(data)) {
      return data.map((item, i) => {
        const row = item as Record<string, unknown>;
        if (typeof row?.dataset !== 'string')
          throw new InputError(`${file} item ${i}: needs "dataset" (text) and "published_f1".`);
        return {
          dataset: row.dataset,
          system: typeof row.system === 'string' ? row.system : DEFAULT_SYSTEM,
          published_f1: toUnit(file, `item ${i}`, row.published_f1),
        };
      });
    }
    if (typeof data === 'object' && data !== null) {
      return Object.entries(data).map(([dataset, f1]) => ({
        dataset,
        system: DEFAULT_SYSTEM,
        published_f1: toUnit(file, `key ${dataset}`, f1),
      }));
    }
    throw new InputError(`${file}: expected an array of {dataset, published_f1} or an object {dataset: f1}.`);
  }
  const lines = await readLines(path);
  const header = (lines[0] ?? '').split(',').map((h) => h.trim().toLowerCase());
  const col = (name: string) => header.indexOf(name);
  if (col('dataset') < 0 || col('published_f1') < 0) {
    throw new InputError(
      `${file} line 1: the header must name dataset and published_f1 (optionally system), found ${JSON.stringify(lines[0] ?? '')}.`,
    );
  }
  return lines.slice(1).flatMap((line, i) => {
    if (line.trim() === '') return [];
    const cells = line.split(',').map((c) => c.trim());
    return [
      {
        dataset: cells[col('dataset')] ?? '',
        system: (col('system') >= 0 ? cells[col('system')] : undefined) || DEFAULT_SYSTEM,
        published_f1: toUnit(file, `line ${i + 2}`, cells[col('published_f1')]),
      },
    ];
  });
}
