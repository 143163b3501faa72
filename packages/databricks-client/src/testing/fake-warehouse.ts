import { createHash } from 'node:crypto';
import { REFERENCE_COLUMNS, SOURCE_COLUMNS, sourceKey } from '@em/core';

export type Row = Record<string, unknown>;
export interface Param {
  readonly name: string;
  readonly value?: string;
  readonly type?: string;
}
export interface Result {
  readonly columns: readonly { name: string; type_name: string }[];
  readonly rows: readonly Row[];
}

const typed = (p: Param): unknown =>
  p.value === undefined
    ? null
    : p.type === 'BOOLEAN'
      ? p.value === 'true'
      : p.type === 'BIGINT' || p.type === 'DOUBLE'
        ? Number(p.value)
        : p.value;
const strings = (names: readonly string[]) => names.map((name) => ({ name, type_name: 'STRING' }));
const limitOf = (sql: string) => Number(/LIMIT (\d+)/.exec(sql)?.[1] ?? Infinity);
const hash = (row: Row, cols: readonly string[]) =>
  createHash('md5')
    .update(JSON.stringify(cols.map((c) => row[c] ?? null)))
    .digest('hex');
const key = (kind: 'reference' | 'source', r: Row) =>
  kind === 'reference' ? String(r.ciq_id) : sourceKey(r as { source_id: string; source_system: string });
const sortKey = (kind: 'reference' | 'source', r: Row) =>
  kind === 'reference' ? [String(r.ciq_id)] : [String(r.source_system), String(r.source_id)];
const after = (a: string[], b: string[]) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return false;
};

/**
 * An in-memory stand-in for a SQL warehouse that understands em's statements by their
 * `/* em:… *\/` marker and emulates them on tables held here, reading the bound parameters
 * exactly as sent. DDL statements are recorded and succeed.
 */
export class FakeWarehouse {
  readonly bronze = { reference: new Map<string, Row>(), source: new Map<string, Row>() };
  readonly silver = { reference: new Map<string, Row>(), source: new Map<string, Row>() };
  readonly gold = new Map<string, Row>();
  readonly runs = new Map<string, Row>();
  /** silver.name_pair_similarity, by source name + NUL + reference name. */
  readonly namePairs = new Map<string, Row>();
  readonly ddl: string[] = [];
  /**
   * false: a metastore without a managed storage location (workspaces enabled for Unity Catalog
   * automatically; docs.databricks.com/connect/unity-catalog/managed-storage), where CREATE
   * CATALOG must name a MANAGED LOCATION.
   */
  metastoreStorageRoot = true;

  execute(sql: string, params: readonly Param[]): Result {
    const p = Object.fromEntries(params.map((x) => [x.name, typed(x)]));
    const marker = /\/\* em:([a-z-]+) \*\//.exec(sql)?.[1];
    const kind =
      /source_entities|normalized_entities/.test(sql) && !/reference/.test(sql) ? 'source' : 'reference';
    switch (marker) {
      case 'bronze-merge':
        return this.bronzeMerge(kind, JSON.parse(String(p.rows)));
      case 'silver-pending':
        return this.silverPending(kind, p, limitOf(sql));
      case 'silver-merge':
        for (const r of JSON.parse(String(p.rows)) as Row[]) this.silver[kind].set(key(kind, r), r);
        return { columns: [], rows: [] };
      case 'name-pairs-missing': {
        const pairs = new Map<string, Row>();
        for (const src of this.silver.source.values())
          for (const ref of this.silver.reference.values()) {
            const hit = (['lei', 'isin', 'cusip'] as const).some((k) => src[k] != null && src[k] === ref[k]);
            const pair = { source_name: src.original_name, reference_name: ref.original_name };
            const id = `${pair.source_name}\u0000${pair.reference_name}`;
            if (hit && !this.namePairs.has(id)) pairs.set(id, pair);
          }
        return {
          columns: strings(['source_name', 'reference_name']),
          rows: [...pairs.values()].slice(0, limitOf(sql)),
        };
      }
      case 'name-pairs-merge':
        for (const r of JSON.parse(String(p.rows)) as Row[])
          this.namePairs.set(`${r.source_name}\u0000${r.reference_name}`, r);
        return { columns: [], rows: [] };
      case 'exact-lookup':
        return this.lookup(JSON.parse(String(p.queries)));
      case 'gold-merge':
        for (const r of JSON.parse(String(p.rows)) as Row[]) {
          if (this.gold.get(sourceKey(r as never))?.match_method !== 'human_review')
            this.gold.set(sourceKey(r as never), r);
        }
        return { columns: [], rows: [] };
      case 'pending-count': {
        const all = [...this.bronze.source.values()];
        return {
          columns: [
            { name: 'pending', type_name: 'LONG' },
            { name: 'total', type_name: 'LONG' },
          ],
          rows: [
            { pending: all.filter((s) => this.isPending(s, p.full === true)).length, total: all.length },
          ],
        };
      }
      case 'pending-page': {
        const rows = [...this.bronze.source.values()]
          .filter(
            (s) =>
              this.isPending(s, p.full === true) &&
              after(sortKey('source', s), [String(p.after_system), String(p.after_id)]),
          )
          .sort((a, b) => (after(sortKey('source', a), sortKey('source', b)) ? 1 : -1))
          .slice(0, limitOf(sql))
          .map((s) => ({ ...s, version: s.content_hash }));
        return { columns: strings([...SOURCE_COLUMNS, 'version']), rows };
      }
      case 'run-start':
        this.runs.set(String(p.run_id), { run_id: p.run_id, status: 'running', config: p.config });
        return { columns: [], rows: [] };
      case 'run-progress': {
        const run = this.runs.get(String(p.run_id));
        if (run) run.rows_processed = Number(run.rows_processed ?? 0) + Number(p.rows);
        return { columns: [], rows: [] };
      }
      case 'run-abandon':
        return {
          columns: [{ name: 'num_affected_rows', type_name: 'LONG' }],
          rows: [{ num_affected_rows: 0 }],
        };
      case 'run-finish':
        this.runs.set(String(p.run_id), {
          ...this.runs.get(String(p.run_id)),
          status: p.status,
          rows_processed: p.rows_processed ?? this.runs.get(String(p.run_id))?.rows_processed,
          message: p.message,
        });
        return { columns: [], rows: [] };
      default:
        if (
          !this.metastoreStorageRoot &&
          /^\s*CREATE\s+CATALOG\b/i.test(sql) &&
          !/MANAGED\s+LOCATION/i.test(sql)
        ) {
          throw new Error(
            "Metastore storage root URL does not exist. Please provide a storage location for the catalog (for example 'CREATE CATALOG myCatalog MANAGED LOCATION '<location-path>'). Alternatively set up a metastore root storage location to provide a managed storage location for the catalog.",
          );
        }
        if (/^\s*(CREATE|USE)\b/i.test(sql)) {
          this.ddl.push(sql);
          return { columns: [], rows: [] };
        }
        throw new Error(
          `[PARSE_SYNTAX_ERROR] the fake warehouse does not know this statement: ${sql.slice(0, 80)}`,
        );
    }
  }

  private isPending(s: Row, full: boolean): boolean {
    const g = this.gold.get(sourceKey(s as never));
    return (
      g?.match_method !== 'human_review' && (full || g === undefined || g.content_hash !== s.content_hash)
    );
  }

  private bronzeMerge(kind: 'reference' | 'source', rows: Row[]): Result {
    const cols = kind === 'reference' ? [...REFERENCE_COLUMNS, 'last_updated'] : SOURCE_COLUMNS;
    let inserted = 0;
    let updated = 0;
    for (const r of rows) {
      const row = { ...r, content_hash: hash(r, cols) };
      const old = this.bronze[kind].get(key(kind, r));
      if (old?.content_hash === row.content_hash) continue;
      if (old) updated++;
      else inserted++;
      this.bronze[kind].set(key(kind, r), row);
    }
    const n = ['num_affected_rows', 'num_updated_rows', 'num_deleted_rows', 'num_inserted_rows'];
    return {
      columns: n.map((name) => ({ name, type_name: 'LONG' })),
      rows: [
        {
          num_affected_rows: inserted + updated,
          num_updated_rows: updated,
          num_deleted_rows: 0,
          num_inserted_rows: inserted,
        },
      ],
    };
  }

  private silverPending(kind: 'reference' | 'source', p: Row, limit: number): Result {
    const cursor = kind === 'reference' ? [String(p.after_0)] : [String(p.after_0), String(p.after_1)];
    const rows = [...this.bronze[kind].values()]
      .filter(
        (b) =>
          this.silver[kind].get(key(kind, b))?.content_hash !== b.content_hash &&
          after(sortKey(kind, b), cursor),
      )
      .sort((a, b) => (after(sortKey(kind, a), sortKey(kind, b)) ? 1 : -1))
      .slice(0, limit);
    return {
      columns: strings([
        ...(kind === 'reference' ? [...REFERENCE_COLUMNS, 'last_updated'] : SOURCE_COLUMNS),
        'content_hash',
      ]),
      rows,
    };
  }

  private lookup(queries: Row[]): Result {
    const out: Row[] = [];
    for (const q of queries) {
      for (const scheme of ['cusip', 'isin', 'lei']) {
        if (q[scheme] === null) continue;
        const hits = [...this.silver.reference.values()].filter((n) => n[scheme] === q[scheme]);
        for (const n of hits.sort((a, b) => String(a.ciq_id).localeCompare(String(b.ciq_id)))) {
          const ref = this.bronze.reference.get(String(n.ciq_id));
          if (ref)
            out.push({
              qi: q.qi,
              scheme,
              value: q[scheme],
              ...Object.fromEntries(REFERENCE_COLUMNS.map((c) => [c, ref[c] ?? null])),
            });
        }
      }
    }
    return {
      columns: [{ name: 'qi', type_name: 'INT' }, ...strings(['scheme', 'value', ...REFERENCE_COLUMNS])],
      rows: out,
    };
  }
}
