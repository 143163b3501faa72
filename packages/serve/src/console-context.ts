import type { CascadeConfig } from '@em/core';
import type { MatchService } from './match/match-service.js';
import type { AccessPolicy } from './security/access.js';
import type { ConsoleStore } from './store/console-store.js';

/** Everything the routes share. */
export interface ConsoleContext {
  readonly store: ConsoleStore;
  readonly policy: AccessPolicy;
  /** Alert rules and thresholds (the --config file). */
  readonly config: CascadeConfig;
  /** The in-memory cascade for /v1/match and explanations; null where it cannot run (Databricks). */
  readonly matcher: MatchService | null;
}

export const LIMITS = {
  /** JSON bodies of the API (a batch of 1,000 records fits comfortably). */
  apiBodyBytes: 2 * 1024 * 1024,
  /** Page forms (a decision, a login). */
  formBodyBytes: 16 * 1024,
} as const;
