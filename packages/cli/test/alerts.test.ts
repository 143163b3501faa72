import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/index.js';
import { captureIo, removeTempDirs, tempDir } from './helpers.js';
import { buildReviewDb } from './review-db.js';

let dir: string;
let db: string;

beforeAll(async () => {
  dir = tempDir('em-alerts-');
  db = path.join(dir, 'em.duckdb');
  await buildReviewDb(db);
});
afterAll(removeTempDirs);

describe('em alerts', () => {
  it('fires the default auto-match alert on a run without a pair model, exit 3, as JSON too', async () => {
    // No pair model: about half the sources wait in review, far above the 15% review-share rule.
    const io = captureIo();
    expect(await runCli(['alerts', '--db', db], { io })).toBe(3);
    expect(io.out()).toMatch(/FIRING\s+auto_match_rate_low/);
    expect(io.out()).toMatch(/FIRING\s+review_share_high/);
    expect(io.err()).toMatch(/alerts? firing: auto_match_rate_low, review_share_high/);
    const json = captureIo();
    expect(await runCli(['alerts', '--db', db, '--json'], { io: json })).toBe(3);
    const report = JSON.parse(json.out()) as {
      firing: number;
      alerts: { rule: { id: string }; status: string }[];
    };
    expect(report.firing).toBe(2);
    expect(report.alerts.find((a) => a.rule.id === 'run_failed')!.status).toBe('ok');
  });

  it('takes rules from --config: relaxed thresholds pass (exit 0), a bad rule is exit 2 naming the field', async () => {
    const relaxed = path.join(dir, 'relaxed.json');
    writeFileSync(
      relaxed,
      JSON.stringify({
        alerts: {
          rules: [
            { id: 'auto_match_rate_low', metric: 'auto_match_rate', op: '<', threshold: 0.1 },
            { id: 'review_share_high', metric: 'review_share', op: '>', threshold: 0.9 },
          ],
        },
      }),
    );
    const io = captureIo();
    expect(await runCli(['alerts', '--db', db, '--config', relaxed], { io })).toBe(0);
    const bad = path.join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({ alerts: { rules: [{ id: 'x', metric: 'speed', op: '<', threshold: 1 }] } }),
    );
    const err = captureIo();
    expect(await runCli(['alerts', '--db', db, '--config', bad], { io: err })).toBe(2);
    expect(err.err()).toMatch(/alerts\.rules\.0\.metric/);
  });
});
