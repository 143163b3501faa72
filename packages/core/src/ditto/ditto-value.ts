function jsonOrString(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value); // a BigInt inside, or a cycle
  }
}

/**
 * How one attribute value is written into a Ditto record. Ditto's `to_str` writes Python's
 * `'%s' % value`; the DeepMatcher benchmark files write a missing value as nothing (`VAL  COL`),
 * so null, undefined and non-finite numbers become ''. Objects are written as JSON. Tabs and line
 * breaks would split the `left<TAB>right<TAB>label` line, so each becomes one space; everything
 * else is kept verbatim. Total: never throws.
 */
export function dittoValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number') text = Number.isFinite(value) ? String(value) : '';
  else if (typeof value === 'bigint' || typeof value === 'boolean') text = String(value);
  else if (value instanceof Date) text = Number.isNaN(value.getTime()) ? '' : value.toISOString();
  else text = jsonOrString(value);
  return text.replace(/[\t\r\n]/g, ' ');
}
