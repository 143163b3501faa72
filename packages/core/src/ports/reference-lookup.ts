import type { ReferenceEntity } from '../schemas/reference-entity.js';
import type { PortCapabilities } from './capabilities.js';

export type IdentifierScheme = 'lei' | 'isin' | 'cusip';

/** Identifiers of one source record that passed check-digit validation (invalid ones are null). */
export interface IdentifierQuery {
  readonly lei: string | null;
  readonly isin: string | null;
  readonly cusip: string | null;
}

export interface IdentifierHit {
  readonly scheme: IdentifierScheme;
  readonly value: string;
  readonly entity: ReferenceEntity;
}

/** Stage 1: exact lookup by validated identifiers. Result i holds every hit for query i (possibly none). */
export interface ReferenceLookup {
  readonly capabilities: PortCapabilities;
  lookupByIdentifiers(queries: readonly IdentifierQuery[]): Promise<IdentifierHit[][]>;
}
