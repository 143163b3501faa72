import { formatCount } from '../output/format.js';
import type { DemoStep } from './demo-state.js';
import { engineOf } from './demo-state.js';
import { goldPredictions } from './predictions.js';

const generate: DemoStep = {
  name: 'generate',
  title: 'generate data',
  async run({ state }) {
    const { writeDatasetCsv } = await import('@em/fixtures');
    const { seed, referenceSize, sourceSize } = state.options;
    state.dataset = await writeDatasetCsv(state.dir, { seed, referenceSize, sourceSize });
    state.files = state.dataset.files;
    return `${formatCount(referenceSize)} reference, ${formatCount(sourceSize)} source rows, seed ${seed}`;
  },
};

const init: DemoStep = {
  name: 'init',
  title: 'create database',
  async run({ state, openEngine }) {
    state.engine = await openEngine(state.dbPath);
    await state.engine.init();
    return state.dbPath;
  },
};

const ingestReference: DemoStep = {
  name: 'ingest-reference',
  title: 'ingest reference',
  async run({ state, progress }) {
    const p = progress('ingest reference');
    state.reference = await engineOf(state).ingest('reference', state.files.reference, {
      onProgress: p.update,
    });
    p.finish();
    return `${formatCount(state.reference.loaded)} loaded, ${formatCount(state.reference.quarantined)} quarantined`;
  },
};

const ingestSource: DemoStep = {
  name: 'ingest-source',
  title: 'ingest source',
  async run({ state, progress }) {
    const p = progress('ingest source');
    state.source = await engineOf(state).ingest('source', state.files.source, { onProgress: p.update });
    p.finish();
    return `${formatCount(state.source.loaded)} loaded, ${formatCount(state.source.quarantined)} quarantined`;
  },
};

/** Share of the generated gold standard used for training; the demo evaluates on the rest. */
export const DEMO_TRAIN_FRACTION = 0.5;

const train: DemoStep = {
  name: 'train',
  title: 'train pair model',
  async run({ state }) {
    const { readReferenceRows, trainLocalModel } = await import('@em/local');
    const engine = engineOf(state);
    const reference = await readReferenceRows((sql) => engine.query(sql));
    const { labels } = await engine.readGoldLabels(state.files.gold);
    const trained = trainLocalModel(state.dbPath, reference, {
      labels,
      labelFraction: DEMO_TRAIN_FRACTION,
      seed: state.options.seed,
    });
    const pairs = trained.training.pairs;
    return `${trained.modelVersion} from ${formatCount(trained.training.sources)} labelled sources (${formatCount(pairs)} pairs)`;
  },
};

const run: DemoStep = {
  name: 'run',
  title: 'match',
  async run({ state, progress }) {
    const p = progress('run');
    state.run = await engineOf(state).run({
      full: true,
      config: state.settings.config,
      llmApiKey: state.settings.llmApiKey,
      onProgress: p.update,
    });
    p.finish();
    return `${formatCount(state.run.processed)} processed, ${formatCount(Math.round(state.run.entitiesPerSecond))}/s`;
  },
};

const evaluateStep: DemoStep = {
  name: 'evaluate',
  title: 'evaluate against gold',
  async run({ state }) {
    const { evaluate, loadTruth } = await import('@em/eval');
    const engine = engineOf(state);
    state.stats = await engine.stats();
    const { inHashFraction } = await import('@em/local');
    const [predictions, allTruth] = await Promise.all([goldPredictions(engine), loadTruth(state.files.gold)]);
    // Only sources the model did not learn from count: the other hash-half of the gold standard.
    const heldOut = (r: { source_id: string; source_system: string }) =>
      !inHashFraction(`${r.source_system}\u0000${r.source_id}`, DEMO_TRAIN_FRACTION, 0);
    const truth = allTruth.filter(heldOut);
    state.evaluation = evaluate({
      predictions: predictions.filter(heldOut),
      truth,
      threshold: state.settings.config.autoMatchThreshold,
    });
    return `F1 ${state.evaluation.all.f1.toFixed(3)}`;
  },
};

/** The demo, in order. Adding a stage (e.g. training before `run`) is one line here. */
export const DEMO_STEPS: readonly DemoStep[] = [
  generate,
  init,
  ingestReference,
  ingestSource,
  train,
  run,
  evaluateStep,
];
