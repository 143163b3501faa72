import { normalizeIdentifier, validateCusip, validateIsin, validateLei } from '../identifiers/index.js';
import type { ValidationResult } from '../identifiers/validation-result.js';
import type { IdentifierQuery, IdentifierScheme } from '../ports/reference-lookup.js';

/** The schemes stage 1 looks up, in the order reasoning lists them. */
export const IDENTIFIER_SCHEMES: readonly IdentifierScheme[] = ['lei', 'isin', 'cusip'];

const validators: Record<IdentifierScheme, (value: string) => ValidationResult> = {
  lei: validateLei,
  isin: validateIsin,
  cusip: validateCusip,
};

/** A source's identifiers after check-digit validation (invalid ones are null), with a note per rejected value. */
export interface ValidatedIdentifiers extends IdentifierQuery {
  readonly notes: readonly string[];
}

type WithIdentifiers = { readonly [S in IdentifierScheme]?: string | null };

/** `normalizeIdentifier` (spaces and hyphens removed, upper-cased), or null when absent or blank. */
export function canonicalIdentifier(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const canonical = normalizeIdentifier(value);
  return canonical === '' ? null : canonical;
}

/** Validate a record's LEI, ISIN and CUSIP; invalid values are dropped with a note saying why. */
export function validatedIdentifiers(source: WithIdentifiers): ValidatedIdentifiers {
  // Written out per scheme (in IDENTIFIER_SCHEMES order): ingest calls this once per row.
  const notes: string[] = [];
  const lei = validOrNoted('lei', source.lei, notes);
  const isin = validOrNoted('isin', source.isin, notes);
  const cusip = validOrNoted('cusip', source.cusip, notes);
  return { lei, isin, cusip, notes };
}

/** The canonical value when its check digits hold; otherwise null, with a note in `notes` when one was given. */
function validOrNoted(
  scheme: IdentifierScheme,
  raw: string | null | undefined,
  notes: string[],
): string | null {
  const value = canonicalIdentifier(raw);
  if (value === null) return null;
  const check = validators[scheme](value);
  if (check.valid) return value;
  notes.push(`${scheme.toUpperCase()} ${value} ignored: ${(check.reason ?? 'invalid').replace(/\.$/, '')}`);
  return null;
}

/** The bare query the lookup port takes. */
export function identifierQuery(ids: IdentifierQuery): IdentifierQuery {
  return { lei: ids.lei, isin: ids.isin, cusip: ids.cusip };
}

export function hasIdentifier(ids: IdentifierQuery): boolean {
  return ids.lei !== null || ids.isin !== null || ids.cusip !== null;
}

/** Schemes on which the source's valid identifiers equal the candidate's. */
export function sharedIdentifierSchemes(
  ids: IdentifierQuery,
  candidate: WithIdentifiers,
): IdentifierScheme[] {
  return IDENTIFIER_SCHEMES.filter((s) => ids[s] !== null && ids[s] === canonicalIdentifier(candidate[s]));
}
