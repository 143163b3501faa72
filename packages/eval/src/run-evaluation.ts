import { existsSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { InputError } from '@em/core';
import { type EvaluationReport, evaluate } from './evaluate.js';
import { checkGates, describeFailedGates, type GateResult, parseGates } from './gates.js';
import { loadPredictions } from './load/load-predictions.js';
import { loadTruth } from './load/load-truth.js';
import { renderHtmlReport } from './report/html/html-report.js';
import { renderTerminalReport } from './report/terminal-report.js';

export interface EvaluationRunOptions {
  /** Predictions file: DuckDB database, CSV/TSV, Parquet or JSONL. */
  predictions: string;
  /** Gold standard: CSV/TSV or Parquet. */
  truth: string;
  threshold?: number;
  subsets?: readonly string[];
  targetPrecision?: number;
  /** Gates such as "f1=0.93,precision=0.95,auto_match=0.85". */
  failUnder?: string;
  /** Write the HTML report here. */
  html?: string;
  /** Table to read from a DuckDB predictions file; default gold.matched_entities. */
  table?: string;
}

/** What `--json` prints: the evaluation report plus the inputs and the gate results. */
export type EvaluationJson = EvaluationReport & {
  inputs: { predictions: string; truth: string };
  gates: GateResult[];
};

export interface EvaluationRun {
  report: EvaluationReport;
  gates: GateResult[];
  /** One line per failed gate; empty when every gate passed. */
  failedGates: string[];
  json: EvaluationJson;
  /** The terminal report. */
  text: string;
  /** Absolute path of the HTML report, when one was written. */
  htmlPath: string | null;
}

/** Load, evaluate, check gates and write the HTML report: everything `em-eval` and `em eval` do. */
export async function runEvaluation(options: EvaluationRunOptions): Promise<EvaluationRun> {
  const gateSpecs = options.failUnder ? parseGates(options.failUnder) : [];
  const htmlPath = options.html ? resolve(options.html) : null;
  if (htmlPath && !(existsSync(dirname(htmlPath)) && statSync(dirname(htmlPath)).isDirectory())) {
    throw new InputError(
      `--html ${options.html}: folder ${dirname(htmlPath)} does not exist; create it or choose another path.`,
    );
  }
  const [predictions, truth] = await Promise.all([
    loadPredictions(options.predictions, { table: options.table }),
    loadTruth(options.truth),
  ]);
  const report = evaluate({
    predictions,
    truth,
    threshold: options.threshold,
    subsets: options.subsets && options.subsets.length > 0 ? options.subsets : undefined,
    targetPrecision: options.targetPrecision,
  });
  const gates = checkGates(report, gateSpecs);
  if (htmlPath) {
    const html = renderHtmlReport(report, {
      inputs: { predictions: options.predictions, truth: options.truth },
      gates,
    });
    await writeFile(htmlPath, html, 'utf8');
  }
  return {
    report,
    gates,
    failedGates: describeFailedGates(gates),
    json: { ...report, inputs: { predictions: options.predictions, truth: options.truth }, gates },
    text: renderTerminalReport(report, gates),
    htmlPath,
  };
}
