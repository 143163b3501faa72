/**
 * A short token for the state of a gold row's decision: it changes whenever a run or a reviewer
 * rewrites the row (every write sets match_timestamp). `em review export` writes it per row and
 * `em review import` refuses rows whose gold row has changed since (optimistic concurrency).
 * `alias` is the table alias to read the columns from ('' for none).
 */
export function goldVersionSql(alias = ''): string {
  const c = (name: string) => (alias ? `${alias}.${name}` : name);
  return `left(md5(concat_ws('|', coalesce(${c('matched_ciq_id')}, ''), ${c('match_confidence')}::VARCHAR,
    ${c('match_method')}, coalesce(strftime(${c('match_timestamp')}, '%Y-%m-%dT%H:%M:%S.%f'), ''))), 16)`;
}
