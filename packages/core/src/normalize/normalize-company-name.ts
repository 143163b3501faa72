// STUB (owned by the normalization work): replace with the real implementation.
export interface NormalizedName {
  /** Full normalized name, legal form kept as its canonical code (e.g. "siemens ag"). */
  readonly normalized: string;
  /** The name without legal form, listing noise or share-class marks (e.g. "siemens"). */
  readonly base: string;
  /** Canonical legal-form code ("ag", "inc", "plc", …) or null. */
  readonly legalForm: string | null;
}

export function normalizeCompanyName(name: string): NormalizedName {
  const normalized = name.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return { normalized, base: normalized, legalForm: null };
}
