import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { EmError, InputError } from '@em/core';
import type { Calibration } from './calibration.js';
import type { GbdtModel } from './gbdt-model.js';
import type { GbdtOptions } from './gbdt-train.js';
import type { ModelTrust } from './trust-estimate.js';

export const PAIR_MODEL_FORMAT = 'em-pair-model';
export const PAIR_MODEL_FORMAT_VERSION = 1;

/** Thresholds chosen on the held-out part (calibrated probabilities). */
export interface ModelThresholds {
  /** Best F1 of the top-candidate decision on the held-out sources. */
  readonly pairAccept: number;
  /** Lowest threshold whose held-out precision reaches the target (default 0.995). */
  readonly autoMatch: number;
}

/** A trained pair model as stored on disk: everything needed to score, nothing machine-specific. */
export interface PairModelArtifact {
  readonly format: typeof PAIR_MODEL_FORMAT;
  readonly formatVersion: number;
  /** Which feature function the model expects (e.g. `PAIR_FEATURE_SET`). */
  readonly featureSet: string;
  readonly featureNames: readonly string[];
  readonly gbdt: GbdtModel;
  readonly calibration: Calibration;
  readonly thresholds: ModelThresholds;
  readonly training: {
    readonly source: 'labels' | 'perturbation' | 'self-supervised' | 'self-trained' | 'pairs';
    readonly seed: number;
    readonly options: GbdtOptions;
    readonly trainPairs: number;
    readonly heldOutPairs: number;
    /** Trees added on a person's word (see `REFINE_GBDT`), after `options.nTrees`; absent when none. */
    readonly refinement?: {
      readonly humanPairs: number;
      readonly options: Pick<GbdtOptions, 'nTrees' | 'maxDepth' | 'learningRate'>;
    };
  };
  /** What the model knows about its own auto-matches (absent in models from before it was kept). */
  readonly trust?: ModelTrust;
}

/** Canonical JSON text of an artifact (stable key order as built, no whitespace). */
export const artifactText = (a: PairModelArtifact): string => JSON.stringify(a);

/** Model version: `gbdt-` + the first 12 hex digits of the SHA-256 of the artifact text. */
export const modelVersionOf = (text: string): string =>
  `gbdt-${createHash('sha256').update(text).digest('hex').slice(0, 12)}`;

/** Where the model of a database lives: beside it. */
export const modelPathFor = (dbPath: string): string => `${dbPath}.em-model.json`;

export function writeArtifact(file: string, artifact: PairModelArtifact): string {
  const text = artifactText(artifact);
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
  return modelVersionOf(text);
}

export function readArtifact(file: string): { artifact: PairModelArtifact; modelVersion: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new InputError(
      `${file}: cannot read the pair model (${(cause as Error).message}). Train one with \`em train\`.`,
      {
        cause,
      },
    );
  }
  return parseArtifact(text, file);
}

export function parseArtifact(
  text: string,
  where = 'pair model',
): { artifact: PairModelArtifact; modelVersion: string } {
  let artifact: PairModelArtifact;
  try {
    artifact = JSON.parse(text) as PairModelArtifact;
  } catch (cause) {
    throw new EmError(`${where}: not valid JSON; retrain it with \`em train\`.`, { cause });
  }
  if (artifact?.format !== PAIR_MODEL_FORMAT || artifact.formatVersion !== PAIR_MODEL_FORMAT_VERSION) {
    throw new EmError(
      `${where}: not an ${PAIR_MODEL_FORMAT} v${PAIR_MODEL_FORMAT_VERSION} file; retrain it with \`em train\`.`,
    );
  }
  if (!Array.isArray(artifact.gbdt?.trees) || artifact.featureNames.length !== artifact.gbdt.nFeatures) {
    throw new EmError(
      `${where}: the model is damaged (feature count disagrees); retrain it with \`em train\`.`,
    );
  }
  return { artifact, modelVersion: modelVersionOf(text) };
}
