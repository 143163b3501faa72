import type { evaluate } from '@em/eval';
import type { writeDatasetCsv } from '@em/fixtures';
import type { RunSettings } from '../cascade-settings.js';
import type { EmbeddedEngine, IngestReport, OpenEngine, RunReport, StatsReport } from '../engine.js';
import type { Progress } from '../output/progress.js';

export interface DemoOptions {
  referenceSize: number;
  sourceSize: number;
  seed: number;
}

/** What the demo has produced so far; each step reads what earlier steps wrote. */
export interface DemoState {
  options: DemoOptions;
  dir: string;
  dbPath: string;
  files: { reference: string; source: string; gold: string };
  /** What the run is configured with (EM_LLM_* as for em run); its auto-match threshold is the evaluation's too. */
  settings: RunSettings;
  engine?: EmbeddedEngine;
  dataset?: Awaited<ReturnType<typeof writeDatasetCsv>>;
  reference?: IngestReport;
  source?: IngestReport;
  run?: RunReport;
  stats?: StatsReport;
  evaluation?: Awaited<ReturnType<typeof evaluate>>;
}

export interface DemoStepContext {
  state: DemoState;
  openEngine: OpenEngine;
  /** A progress display for this step, on stderr. */
  progress: (stage: string) => Progress;
}

export interface DemoStep {
  /** Machine name (`step name=…` lines). */
  name: string;
  /** What a person reads while it runs. */
  title: string;
  /** Do the step; the returned text is a one-line detail for the log. */
  run: (ctx: DemoStepContext) => Promise<string>;
}

/** The engine opened by the init step; a step that needs it before then is a bug in the step list. */
export function engineOf(state: DemoState): EmbeddedEngine {
  if (!state.engine) throw new Error('demo: the init step must run before steps that use the database');
  return state.engine;
}
