import { reviewCap } from '../cascade/entity-work.js';
import { applyLlmCalibration, type LlmCalibration } from './llm-calibration.js';

const MARKER = 'LLM stated confidence';

/**
 * The confidence an LLM answer is recorded at. Without a fitted calibration the model's stated
 * confidence is capped just below the auto-match threshold (threshold − 0.01): the answer and
 * its choice are kept, but a person confirms it. With a calibration, the stated confidence is
 * mapped to the observed rate of correct answers and may auto-match. The note (appended to the
 * reasoning) keeps the stated value, so reviewed cases can later become calibration samples.
 */
export function adjudicatedConfidence(
  stated: number,
  calibration: LlmCalibration | null,
  autoMatchThreshold: number,
): { readonly confidence: number; readonly note: string } {
  const said = `${MARKER} ${stated.toFixed(3)}`;
  if (calibration !== null) {
    const confidence = applyLlmCalibration(calibration, stated);
    return {
      confidence,
      note: `[${said}; calibrated to ${confidence.toFixed(3)} on ${calibration.samples} labelled answers]`,
    };
  }
  const cap = reviewCap(autoMatchThreshold);
  if (stated <= cap) return { confidence: stated, note: `[${said}; uncalibrated]` };
  return { confidence: cap, note: `[${said}; uncalibrated, capped at ${cap.toFixed(2)} for review]` };
}

/** The stated confidence recorded in a gold row's reasoning by `adjudicatedConfidence`, or null. */
export function statedConfidenceFromReasoning(reasoning: string): number | null {
  const found = new RegExp(`\\[${MARKER} (\\d+(?:\\.\\d+)?)`).exec(reasoning);
  return found ? Number(found[1]) : null;
}
