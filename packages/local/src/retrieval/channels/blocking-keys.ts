import {
  InputError,
  normalizeCompanyName,
  type ReferenceEntity,
  type SourceEntity,
  validatedIdentifiers,
} from '@em/core';
import { type BlockingKeyPart, blockingKeyParts, blockingKeyProblem } from '@em/core/features';
import { tickerKey } from '@em/core/text';
import type { ChannelKey } from './key-channel.js';

/** A user-declared blocking key: a name and the parts joined into the key ("country+first_name_token"). */
export interface BlockingKey {
  readonly name: string;
  readonly parts: readonly string[];
}

type Part = BlockingKeyPart;

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
  const problems = keys.map((k) => blockingKeyProblem(k.parts.join('+'))).filter((p) => p !== null);
  if (problems.length > 0)
    throw new InputError(`Invalid blockingKeys in the config: ${problems.join('; ')}.`);
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

/** Parse "country+first_name_token" (the config's form) into a key named after it. */
export function parseBlockingKey(spec: string): BlockingKey {
  return { name: spec, parts: blockingKeyParts(spec) };
}
