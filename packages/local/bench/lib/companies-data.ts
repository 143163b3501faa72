import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ReferenceEntity, SourceEntity, sourceKey } from '@em/core';
import { readCsv } from './csv.js';

export const SHARED_DATA = path.resolve(fileURLToPath(import.meta.url), '../../../../../../shared/data');
export const COMPANIES_DIR = path.join(SHARED_DATA, 'companies');

export interface GoldRow {
  readonly key: string;
  readonly trueCiqId: string | null;
  readonly hard: boolean;
}

export interface CompaniesData {
  readonly reference: ReferenceEntity[];
  readonly sources: SourceEntity[];
  /** Gold by source key (see `sourceKey`). */
  readonly gold: Map<string, GoldRow>;
}

export function companiesAvailable(): boolean {
  return existsSync(path.join(COMPANIES_DIR, 'reference.csv'));
}

export function loadCompanies(dir = COMPANIES_DIR): CompaniesData {
  if (!existsSync(path.join(dir, 'reference.csv'))) {
    throw new Error(
      `${dir}/reference.csv not found: the companies benchmark needs ../shared/data (see its README).`,
    );
  }
  const reference = readCsv(path.join(dir, 'reference.csv')).map((r) => ReferenceEntity.parse(r));
  // ../shared/data/companies names them source_dev/gold_dev; the fixtures generator source/gold.
  const file = (dev: string, plain: string) => path.join(dir, existsSync(path.join(dir, dev)) ? dev : plain);
  const sources = readCsv(file('source_dev.csv', 'source.csv')).map((r) => SourceEntity.parse(r));
  const gold = new Map<string, GoldRow>();
  for (const r of readCsv(file('gold_dev.csv', 'gold.csv'))) {
    const key = sourceKey({ source_id: r.source_id!, source_system: r.source_system! });
    gold.set(key, { key, trueCiqId: r.true_ciq_id ? r.true_ciq_id : null, hard: r.hard === '1' });
  }
  return { reference, sources, gold };
}
