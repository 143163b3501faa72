import { InputError } from '../errors.js';

/** One `COL <attribute> VAL <value>` field of a Ditto record. */
export interface DittoField {
  readonly attribute: string;
  readonly value: string;
}

function preview(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
}

/**
 * The inverse of `serializeForDitto`: the fields of one record, in order. A value ends at the
 * next ` COL `; the record's final space is dropped. Values that themselves contain ` COL ` or
 * ` VAL ` cannot be told apart from field boundaries (in Ditto's format as in ours).
 * Throws InputError on text that does not start with `COL ` or has a `COL` without `VAL`.
 */
export function parseDittoRecord(text: string): DittoField[] {
  if (text.trim() === '') return [];
  if (!text.startsWith('COL ')) {
    throw new InputError(`Not a Ditto record: it must start with "COL "; got ${preview(text)}.`);
  }
  const fields: DittoField[] = [];
  let at = 0;
  while (at < text.length) {
    const attributeEnd = text.indexOf(' VAL ', at + 4);
    if (attributeEnd < 0 && text.endsWith(' VAL') && text.length - 4 >= at + 4) {
      // A trimmed line whose last value is empty: `… COL ticker VAL`.
      fields.push({ attribute: text.slice(at + 4, text.length - 4), value: '' });
      break;
    }
    if (attributeEnd < 0) {
      throw new InputError(
        `Not a Ditto record: "COL" without " VAL " at character ${at + 1} of ${preview(text)}.`,
      );
    }
    const valueStart = attributeEnd + 5;
    const next = text.indexOf(' COL ', valueStart);
    const attribute = text.slice(at + 4, attributeEnd);
    if (next < 0) {
      const rest = text.slice(valueStart);
      fields.push({ attribute, value: rest.endsWith(' ') ? rest.slice(0, -1) : rest });
      break;
    }
    fields.push({ attribute, value: text.slice(valueStart, next) });
    at = next + 1;
  }
  return fields;
}

/** One parsed line of a Ditto pair file (`left<TAB>right<TAB>label`). */
export interface DittoPair {
  readonly left: DittoField[];
  readonly right: DittoField[];
  /** 1 = match, 0 = no match, null when the line has no label. */
  readonly label: 0 | 1 | null;
}

/** Parses one line of an er_magellan / Ditto pair file. Throws InputError naming what is wrong. */
export function parseDittoPairLine(line: string): DittoPair {
  const parts = line.replace(/\r?\n$/, '').split('\t');
  if (parts.length !== 2 && parts.length !== 3) {
    throw new InputError(
      `A Ditto pair line has 2 or 3 tab-separated fields; got ${parts.length} in ${preview(line)}.`,
    );
  }
  const labelText = parts[2]?.trim();
  if (labelText !== undefined && labelText !== '0' && labelText !== '1') {
    throw new InputError(`A Ditto pair label must be 0 or 1; got ${JSON.stringify(labelText)}.`);
  }
  return {
    left: parseDittoRecord(parts[0]!),
    right: parseDittoRecord(parts[1]!),
    label: labelText === undefined ? null : labelText === '1' ? 1 : 0,
  };
}
