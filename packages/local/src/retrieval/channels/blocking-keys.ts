import {
  InputError,
  normalizeCompanyName,
  type ReferenceEntity,
  type SourceEntity,
  tickerKey,
  validatedIdentifiers,
} from '@em/core';
import type { ChannelKey } from './key-channel.js';

/** Columns both sources and the reference have, usable in a blocking key. */
export const BLOCKING_COLUMNS = ['company_name', 'ticker', 'lei', 'cusip', 'isin', 'country', 'industry'] as const;
/** Keys derived from the name: its normalized base, first token, or first 4 letters. */
export const DERIVED_KEYS = ['name_key', 'first_name_token', 'name_prefix4', 'ticker_key'] as const;

/** A user-declared blocking key: a name and the parts joined into the key ("country+first_name_token"). */
export interface BlockingKey {
  readonly name: string;
  readonly parts: readonly string[];
}

type Part = (typeof BLOCKING_COLUMNS)[number] | (typeof DERIVED_KEYS)[number];

const base = (r: SourceEntity | ReferenceEntity): string => normalizeCompanyName(r.company_name ?? '').base;

function partValue(part: Part, record: SourceEntity | ReferenceEntity): string | null {
  switch (part) {
    case 'name_key':
      return base(record) || null;
    case 'first_name_token':
      return base(record).split(' ')[0] || null;
    case 'name_prefix4':
      return base(record).replace(/ /g, '').slice(0, 4) || null;
    case 'ticker_key':
      return tickerKey(record.ticker);
    case 'lei':
    case 'isin':
    case 'cusip':
      return validatedIdentifiers(record)[part];
    default: {
      const v = record[part]?.trim().toLowerCase() ?? '';
      return v === '' ? null : v;
    }
  }
}

/**
 * Check the config's blocking keys and turn each into a channel key function. A part that is
 * neither a column both tables have nor a derived key is an error naming it and the choices,
 * raised before anything is read or written.
 */
export function blockingKeyFunctions(keys: readonly BlockingKey[]): { name: string; key: ChannelKey }[] {
  const known = new Set<string>([...BLOCKING_COLUMNS, ...DERIVED_KEYS]);
  const problems: string[] = [];
  for (const k of keys) {
    if (k.parts.length === 0) problems.push(`blockingKeys "${k.name}" names no column.`);
    for (const part of k.parts) {
      if (!known.has(part)) {
        problems.push(
          `blockingKeys "${k.name}" uses "${part}", which is not a column of both the sources and the reference. Use one of: ${[...known].join(', ')}.`,
        );
      }
    }
  }
  if (problems.length > 0) throw new InputError(`Invalid blocking keys in the config: ${problems.join(' ')}`);
  return keys.map((k) => ({
    name: k.name,
    key: (record) => {
      const values: string[] = [];
      for (const part of k.parts) {
        const v = partValue(part as Part, record);
        if (v === null) return null;
        values.push(v);
      }
      return values.join('\u0000');
    },
  }));
}

/** Parse "country+first_name_token" (the CLI and config shorthand) into a key named after it. */
export function parseBlockingKey(spec: string): BlockingKey {
  return { name: spec, parts: spec.split('+').map((p) => p.trim()) };
}
