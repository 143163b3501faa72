import { InputError } from '../errors.js';
import { dittoValue } from './ditto-value.js';

/**
 * The attributes, in order, that em serializes for a company pair sent to a Ditto model. The
 * guide's serving payload only sends name and ticker (`entity1_name`, `entity1_ticker`); a model
 * trained on em's pairs also sees country, industry and the three identifiers, so an identifier
 * that agrees (or a country that differs) is evidence the model can weigh.
 */
export const DITTO_COMPANY_ATTRIBUTES = [
  'company_name',
  'ticker',
  'country',
  'industry',
  'lei',
  'isin',
  'cusip',
] as const;

function checkAttribute(attribute: string): void {
  if (!/^\S+$/u.test(attribute)) {
    throw new InputError(
      `Ditto attribute names must be non-empty with no whitespace (got ${JSON.stringify(attribute)}); rename the column, e.g. "company_name".`,
    );
  }
}

/**
 * One record in Ditto's text form, exactly as Ditto's `to_str` writes it: `COL <attr> VAL <value> `
 * for each attribute in order, each followed by one space (so the text ends with a space, as in
 * the er_magellan benchmark files). Missing values are empty: `COL ticker VAL  COL …`.
 */
export function serializeForDitto(
  record: Readonly<Record<string, unknown>>,
  attributes: readonly string[],
): string {
  let text = '';
  for (const attribute of attributes) {
    checkAttribute(attribute);
    text += `COL ${attribute} VAL ${dittoValue(record[attribute])} `;
  }
  return text;
}

/** Both sides of a candidate pair, serialized over the same attributes. */
export function serializeDittoPair(
  left: Readonly<Record<string, unknown>>,
  right: Readonly<Record<string, unknown>>,
  attributes: readonly string[],
): { left: string; right: string } {
  return { left: serializeForDitto(left, attributes), right: serializeForDitto(right, attributes) };
}

/**
 * One line of a Ditto pair file: `left<TAB>right<TAB>label` (label 1 = match, 0 = no match), as in
 * er_magellan's train.txt. Without a label the line is `left<TAB>right`; Ditto's training reader
 * needs the label, so pass one for training and validation files.
 */
export function dittoPairLine(left: string, right: string, label?: 0 | 1 | boolean): string {
  for (const [side, text] of [
    ['left', left],
    ['right', right],
  ] as const) {
    if (/[\t\r\n]/.test(text)) {
      throw new InputError(
        `dittoPairLine: the ${side} record contains a tab or line break, which would break the line format; build it with serializeForDitto.`,
      );
    }
  }
  return label === undefined ? `${left}\t${right}` : `${left}\t${right}\t${Number(label)}`;
}
