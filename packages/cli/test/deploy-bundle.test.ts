// `em deploy` over the Asset Bundle: renders cascade/<target>/*.sql from the cascade config,
// prints them with --dry-run (no credentials, nothing written), and otherwise writes them and runs
// `databricks bundle deploy -t <target>` when the CLI is on PATH (here a stub script standing in
// for it, recording its argv), or prints that command.
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/index.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** A copy of the bundle (databricks.yml, resources/, notebooks/) in a temp folder. */
function bundleCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'em-bundle-'));
  cpSync(path.join(REPO, 'databricks.yml'), path.join(dir, 'databricks.yml'));
  cpSync(path.join(REPO, 'resources'), path.join(dir, 'resources'), { recursive: true });
  return dir;
}

const io = (cwd: string, env: Record<string, string> = {}) => {
  let out = '';
  let err = '';
  return {
    stdout: { write: (c: string) => (out += c), isTTY: false },
    stderr: { write: (c: string) => (err += c), isTTY: false },
    env,
    cwd,
    out: () => out,
    err: () => err,
  };
};

describe('em deploy', () => {
  it('--dry-run prints every rendered file and the command, without credentials, writing nothing', async () => {
    const dir = bundleCopy();
    const cli = io(dir, { PATH: '/nonexistent' });
    expect(await runCli(['deploy', '--dry-run', '--var', 'warehouse_id=wh-1'], { io: cli })).toBe(0);
    const out = cli.out();
    expect(out.match(/^==> cascade\/dev\/\d\d_[a-z_]+\.sql$/gm)).toHaveLength(16);
    expect(out).toContain('MERGE INTO entity_matching.gold.matched_entities AS t');
    expect(out).toContain("vector_search(index => 'entity_matching.models.reference_index'");
    expect(out).toContain('databricks bundle deploy -t dev --var=warehouse_id=wh-1');
    expect(existsSync(path.join(dir, 'cascade'))).toBe(false);
  });

  it('renders the config: thresholds from --config, stage 4 only when the LLM is on, per target', async () => {
    const dir = bundleCopy();
    writeFileSync(
      path.join(dir, 'cascade.json'),
      JSON.stringify({ autoMatchThreshold: 0.85, llm: { enabled: true } }),
    );
    const cli = io(dir, { PATH: '/nonexistent' });
    expect(
      await runCli(['deploy', '-t', 'prod', '--config', 'cascade.json', '--dry-run', '--json'], { io: cli }),
    ).toBe(0);
    const plan = JSON.parse(cli.out());
    expect(plan.target).toBe('prod');
    const llm = plan.files.find((f: { path: string }) => f.path === 'cascade/prod/11_llm_replies.sql');
    expect(llm.text).toContain("ai_query('databricks-meta-llama-3-3-70b-instruct', prompt");
    const decisions = plan.files.find((f: { path: string }) => f.path.endsWith('13_decisions.sql'));
    expect(decisions.text).toContain("< CAST('0.85' AS DOUBLE) AS needs_review");
  });

  it('writes the files and runs `databricks bundle deploy` when the CLI is on PATH', async () => {
    const dir = bundleCopy();
    const bin = mkdtempSync(path.join(tmpdir(), 'em-fake-databricks-'));
    const log = path.join(bin, 'argv.log');
    writeFileSync(path.join(bin, 'databricks'), `#!/bin/sh\necho "$@" >> ${JSON.stringify(log)}\nexit 0\n`);
    chmodSync(path.join(bin, 'databricks'), 0o755);
    const cli = io(dir, { PATH: `${bin}:/usr/bin:/bin` });
    expect(await runCli(['deploy', '-t', 'dev'], { io: cli })).toBe(0);
    expect(readdirSync(path.join(dir, 'cascade/dev'))).toHaveLength(16);
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual(['--version', 'bundle deploy -t dev']);
    expect(cli.out()).toMatch(/Deployed target dev/);
  });

  it('prints the command when the Databricks CLI is missing, and names a bad target or variable', async () => {
    const dir = bundleCopy();
    const cli = io(dir, { PATH: '/nonexistent' });
    expect(await runCli(['deploy'], { io: cli })).toBe(0);
    expect(cli.out()).toMatch(/not on PATH.*\n {2}databricks bundle deploy -t dev/);
    const bad = io(dir, { PATH: '/nonexistent' });
    expect(await runCli(['deploy', '-t', 'staging', '--dry-run'], { io: bad })).toBe(2);
    expect(bad.err()).toMatch(/no target "staging"; targets there: dev, prod/);
    const typo = io(dir, { PATH: '/nonexistent' });
    expect(await runCli(['deploy', '--var', 'warehouse=1', '--dry-run'], { io: typo })).toBe(2);
    expect(typo.err()).toMatch(/declares no variable "warehouse"/);
  });
});

describe('nothing in the workspace downloads Node, npm packages or model weights at run time', () => {
  const files = [
    'databricks.yml',
    ...readdirSync(path.join(REPO, 'resources'))
      .filter((f) => f.endsWith('.yml'))
      .map((f) => `resources/${f}`),
    ...readdirSync(path.join(REPO, 'notebooks'))
      .filter((f) => f.endsWith('.py'))
      .map((f) => `notebooks/${f}`),
  ];
  const FORBIDDEN: readonly [RegExp, string][] = [
    [/\bnpx\b/, 'npx'],
    [/\bnpm\s+(install|i|ci|exec)\b/, 'an npm install'],
    [/nodejs\.org|\bnvm\b|node-v\d|setup_\d+\.x/, 'a Node download'],
    [/\b(curl|wget)\b/, 'curl/wget'],
    [/urllib\.request|urlopen|requests\.(get|post)|httpx\./, 'an HTTP fetch'],
    [/git\s+clone|pip\s+install\s+git\+/, 'a git download'],
    [/https?:\/\/(?!docs\.databricks\.com)/, 'an internet URL'],
  ];
  it.each(files)('%s', (file) => {
    const text = readFileSync(path.join(REPO, file), 'utf8');
    for (const [pattern, what] of FORBIDDEN) expect(pattern.test(text), `${file} holds ${what}`).toBe(false);
    // %pip installs are pinned (==), so a run gets what was tested.
    for (const line of text.split('\n').filter((l) => /%pip install/.test(l)))
      for (const spec of line.match(/"[^"]+"/g) ?? []) expect(spec, `${file}: ${line}`).toMatch(/==/);
  });

  it('the weights come from a UC Volume when base_model is a /Volumes path (offline)', () => {
    const train = readFileSync(path.join(REPO, 'notebooks/02_train_ditto.py'), 'utf8');
    expect(train).toMatch(/HF_HUB_OFFLINE/);
    expect(train).toMatch(/local_files_only=offline/);
    expect(train).toMatch(/dbutils\.library\.restartPython\(\)/);
  });
});
