// @em/core/adjudication: stage 4 — the LLM adjudicator (prompt, reply parsing, budget,
// cache, calibration) over any ChatTransport.
export * from '../adjudication/index.js';
