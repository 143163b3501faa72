/** A lexical piece of SQL text; concatenating every token's text gives the input back. */
export interface SqlToken {
  readonly kind: 'word' | 'string' | 'quoted' | 'comment' | 'space' | 'punct';
  readonly text: string;
}

const WORD = /[A-Za-z0-9_$]/;
const SPACE = /\s/;

/** Read a run delimited by `quote`, where a doubled quote escapes itself. */
function readQuoted(sql: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === '\\' && quote === "'") {
      i += 2;
      continue;
    }
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i++;
  }
  throw new SyntaxError(`Unterminated ${quote} quote starting at offset ${start} in SQL text.`);
}

/** Split SQL text into words, string literals, quoted identifiers, comments, spaces and punctuation. */
export function tokenizeSql(sql: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    let end: number;
    let kind: SqlToken['kind'];
    if (c === '-' && sql[i + 1] === '-') {
      const nl = sql.indexOf('\n', i);
      end = nl === -1 ? sql.length : nl;
      kind = 'comment';
    } else if (c === '/' && sql[i + 1] === '*') {
      const close = sql.indexOf('*/', i + 2);
      if (close === -1) throw new SyntaxError(`Unterminated /* comment starting at offset ${i} in SQL text.`);
      end = close + 2;
      kind = 'comment';
    } else if (c === "'") {
      end = readQuoted(sql, i, "'");
      kind = 'string';
    } else if (c === '"' || c === '`') {
      end = readQuoted(sql, i, c);
      kind = 'quoted';
    } else if (SPACE.test(c)) {
      end = i + 1;
      while (end < sql.length && SPACE.test(sql[end]!)) end++;
      kind = 'space';
    } else if (WORD.test(c)) {
      end = i + 1;
      while (end < sql.length && WORD.test(sql[end]!)) end++;
      kind = 'word';
    } else {
      end = i + 1;
      kind = 'punct';
    }
    tokens.push({ kind, text: sql.slice(i, end) });
    i = end;
  }
  return tokens;
}

/** Split tokens into statements at top-level semicolons; comments and blank statements are dropped. */
export function splitSqlStatements(sql: string): SqlToken[][] {
  const statements: SqlToken[][] = [];
  let current: SqlToken[] = [];
  for (const token of tokenizeSql(sql)) {
    if (token.kind === 'punct' && token.text === ';') {
      statements.push(current);
      current = [];
    } else if (token.kind !== 'comment') {
      current.push(token);
    }
  }
  statements.push(current);
  return statements.filter((s) => s.some((t) => t.kind !== 'space'));
}
