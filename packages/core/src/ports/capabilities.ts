/**
 * What a backend can take, declared as data. The cascade owns policy: it cuts
 * work into batches of at most `maxBatchSize` and keeps at most
 * `maxParallelCalls` calls in flight.
 */
export interface PortCapabilities {
  readonly maxBatchSize: number;
  readonly maxParallelCalls: number;
}
