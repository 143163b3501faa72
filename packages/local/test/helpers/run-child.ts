// A matching run in its own process, for the kill -9 test: prints one line per committed batch.
import { LocalEngine } from '../../src/engine.js';

const [dbPath, batchSize] = process.argv.slice(2);
const engine = await LocalEngine.open({ dbPath: dbPath! });
const report = await engine.run({
  config: { batchSize: Number(batchSize ?? 50) },
  onBatchCommitted: (rows) => process.stdout.write(`committed ${rows}\n`),
  // Crash safety of the run loop is under test, not training (ensure-pair-model has its own).
  autoTrain: false,
});
process.stdout.write(`done ${report.processed}\n`);
await engine.close();
