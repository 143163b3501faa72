// The Asset Bundle (databricks.yml + resources/*.yml) validates against the bundle JSON Schema the
// Databricks CLI generates (github.com/databricks/cli bundle/schema/jsonschema.json, copied to
// ../shared/databricks/bundle.schema.json): the YAML files are parsed and merged as the CLI
// merges `include`d files, then checked with ajv.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const SCHEMA = path.resolve(REPO, '../shared/databricks/bundle.schema.json');
const hasSchema = existsSync(SCHEMA);
if (!hasSchema)
  console.warn(`Skipping the bundle schema check: ${SCHEMA} is absent (see ../shared/databricks/README.md).`);

type Doc = Record<string, any>;
const read = (file: string): Doc => parse(readFileSync(path.join(REPO, file), 'utf8')) as Doc;
const resourceFiles = readdirSync(path.join(REPO, 'resources')).filter((f) => f.endsWith('.yml'));

/** databricks.yml with every included resources/*.yml merged in, kind by kind. */
function mergedBundle(): Doc {
  const root = read('databricks.yml');
  const resources: Doc = {};
  for (const file of resourceFiles) {
    const doc = read(path.join('resources', file));
    expect(Object.keys(doc), file).toEqual(['resources']);
    for (const [kind, entries] of Object.entries(doc.resources as Doc)) {
      resources[kind] = { ...(resources[kind] ?? {}), ...(entries as Doc) };
    }
  }
  return { ...root, resources };
}

describe('the Asset Bundle', () => {
  it.skipIf(!hasSchema)('validates against the bundle JSON Schema', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
    const bundle = mergedBundle();
    const ok = validate(bundle);
    expect(ok ? [] : validate.errors?.slice(0, 10)).toEqual([]);
    // And a broken one does not (the check can fail).
    const broken = structuredClone(bundle);
    broken.resources.jobs.em_daily.schedule = { quartz_cron_expression: 7 };
    expect(validate(broken)).toBe(false);
  });

  it('keeps one file per resource kind, and includes them all', () => {
    const kinds = resourceFiles.map((f) => Object.keys(read(path.join('resources', f)).resources as Doc));
    for (const k of kinds) expect(k).toHaveLength(1);
    expect(read('databricks.yml').include).toEqual(['resources/*.yml']);
  });

  it('has the daily job the guide asks for: schedule, failure e-mail, timeout, retries, run_as a service principal', () => {
    const job = mergedBundle().resources.jobs.em_daily;
    expect(job.schedule).toMatchObject({
      quartz_cron_expression: expect.any(String),
      timezone_id: '${var.timezone_id}',
    });
    expect(job.email_notifications.on_failure).toEqual(['${var.notify_email}']);
    expect(job.timeout_seconds).toBeGreaterThan(0);
    expect(job.run_as).toEqual({ service_principal_name: '${var.service_principal}' });
    for (const task of job.tasks.filter((t: Doc) => t.task_key !== 'run_mark_failed'))
      expect(task.max_retries, task.task_key).toBeGreaterThan(0);
    expect(job.tasks.at(-1)).toMatchObject({ task_key: 'run_mark_failed', run_if: 'AT_LEAST_ONE_FAILED' });
  });

  it('has the setup job in order, an alert per guide rule, a dashboard, and dev/prod targets', () => {
    const bundle = mergedBundle();
    expect(bundle.resources.jobs.em_setup.tasks.map((t: Doc) => t.task_key)).toEqual([
      'training_pairs',
      'train_and_register',
      'reference_index',
      'serving_endpoint',
    ]);
    const alerts = Object.values(bundle.resources.alerts as Doc).map((a: Doc) => [
      a.evaluation.source.name,
      a.evaluation.comparison_operator,
      a.evaluation.threshold.value.double_value,
    ]);
    expect(alerts).toEqual([
      ['auto_match_pct', 'LESS_THAN', 85],
      ['review_pct', 'GREATER_THAN', 15],
      ['cost_per_entity', 'GREATER_THAN', 0.02],
      ['avg_latency_ms', 'GREATER_THAN', 1000],
      ['failed_runs', 'GREATER_THAN', 0],
    ]);
    const dashboard = JSON.parse(
      readFileSync(path.join(REPO, 'resources/dashboards/em_monitoring.lvdash.json'), 'utf8'),
    );
    expect(dashboard.datasets.map((d: Doc) => d.queryLines.join(''))).toEqual([
      expect.stringContaining('FROM gold.daily_stats'),
      expect.stringContaining('FROM gold.cost_analysis'),
    ]);
    expect(Object.keys(bundle.targets)).toEqual(['dev', 'prod']);
    expect(Object.keys(bundle.variables)).toEqual(
      expect.arrayContaining([
        'catalog',
        'schema',
        'warehouse_id',
        'pair_endpoint',
        'llm_endpoint',
        'vector_index',
      ]),
    );
    // No serving endpoint as a bundle resource: the setup job creates it once a version exists.
    expect(bundle.resources.model_serving_endpoints).toBeUndefined();
  });

  it('runs one SQL task per rendered step, in the rendered order', async () => {
    const { parseCascadeConfig } = await import('@em/core');
    const { readBundleTarget, renderBundleFiles } = await import('../../src/index.js');
    const files = renderBundleFiles(
      readBundleTarget(REPO, { target: 'dev', env: {} }),
      parseCascadeConfig({}),
    );
    const paths = mergedBundle().resources.jobs.em_daily.tasks.map((t: Doc) => t.sql_task.file.path);
    expect(paths).toEqual(files.map((f) => `../${f.path.replace('/dev/', '/${bundle.target}/')}`));
  });
});
