import type { MatchResult } from '../schemas/match-result.js';
import type { PortCapabilities } from './capabilities.js';

/** Where results land. Upserts are keyed on (source_id, source_system): writing the same batch twice changes nothing. */
export interface MatchSink {
  readonly capabilities: PortCapabilities;
  upsert(results: readonly MatchResult[]): Promise<void>;
}
