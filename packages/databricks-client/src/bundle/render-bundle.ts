import { type CascadeConfig, InputError } from '@em/core';
import { DITTO_COMPANY_ATTRIBUTES } from '@em/core/text';
import { quoteIdentifier } from '@em/sql';
import { databricksDialect } from '../cascade-sql/cascade-sql-dialect.js';
import type { CascadeSqlOptions } from '../cascade-sql/cascade-sql-options.js';
import { renderJobSteps } from '../cascade-sql/render-cascade.js';
import type { BundleTarget } from './bundle-variables.js';

/** A file `em deploy` writes into the bundle folder (path relative to the bundle root). */
export interface RenderedFile {
  readonly path: string;
  readonly text: string;
}

const qualified = (...parts: string[]) =>
  parts
    .flatMap((p) => p.split('.'))
    .map(quoteIdentifier)
    .join('.');

/** The cascade options for a bundle target: table and endpoint names from its variables. */
export function cascadeOptionsForTarget(bundle: BundleTarget, config: CascadeConfig): CascadeSqlOptions {
  const v = bundle.variables;
  const need = (name: string): string => {
    const value = v[name];
    if (value === undefined || value.trim() === '') {
      throw new InputError(
        `Bundle variable "${name}" has no value for target ${bundle.target}; set it under targets.${bundle.target}.variables in databricks.yml, or pass --var ${name}=….`,
      );
    }
    return value.trim();
  };
  const catalog = need('catalog');
  const schema = need('schema');
  return {
    config,
    dialect: databricksDialect,
    tables: {
      silverSources: qualified(catalog, 'silver.normalized_entities'),
      silverReference: qualified(catalog, 'silver.normalized_reference'),
      gold: qualified(catalog, 'gold.matched_entities'),
      runs: qualified(catalog, 'ops.runs'),
      nameSimilarity: qualified(catalog, 'silver.name_pair_similarity'),
      work: (name) => qualified(catalog, schema, `cascade_${name}`),
    },
    vectorIndex: `${catalog}.${need('vector_index')}`,
    pairEndpoint: need('pair_endpoint'),
    pairModelVersion: `serving:${need('pair_endpoint')}`,
    llmEndpoint: config.llm.enabled ? need('llm_endpoint') : null,
    dittoAttributes: DITTO_COMPANY_ATTRIBUTES,
    full: false,
  };
}

/** cascade/<target>/NN_<step>.sql, one per task of resources/em_daily_job.yml. */
export function renderBundleFiles(bundle: BundleTarget, config: CascadeConfig): RenderedFile[] {
  const steps = renderJobSteps(cascadeOptionsForTarget(bundle, config));
  const header = (name: string) =>
    `-- Rendered by \`em deploy -t ${bundle.target}\` from the cascade config; do not edit (re-run em deploy).\n-- Step ${name} of the daily job (resources/em_daily_job.yml).\n`;
  return steps.map((step, i) => ({
    path: `cascade/${bundle.target}/${String(i + 1).padStart(2, '0')}_${step.name}.sql`,
    text: `${header(step.name)}${step.sql};\n`,
  }));
}
