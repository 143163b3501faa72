import { readFileSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '@em/core';
import { parse } from 'yaml';

/** The bundle's variables for one target: defaults, then the target's values, then overrides. */
export interface BundleTarget {
  readonly root: string;
  readonly target: string;
  readonly variables: Readonly<Record<string, string>>;
}

type Yaml = Record<string, unknown>;
const isMap = (v: unknown): v is Yaml => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Read `databricks.yml` in `root` and resolve the variables of `target` as the Databricks CLI
 * does for plain values: the variable's default, the target's `variables` entry, then
 * BUNDLE_VAR_<name> from the environment, then `--var name=value`. No target: the one marked
 * `default: true`.
 */
export function readBundleTarget(
  root: string,
  options: {
    target?: string;
    overrides?: Readonly<Record<string, string>>;
    env?: Readonly<Record<string, string | undefined>>;
  } = {},
): BundleTarget {
  const file = path.join(root, 'databricks.yml');
  let doc: unknown;
  try {
    doc = parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new InputError(
      `Cannot read the bundle ${file}: ${(cause as Error).message}. Run em deploy from the repository root or pass --bundle-dir.`,
      { cause },
    );
  }
  if (!isMap(doc)) throw new InputError(`${file} is not a YAML mapping.`);
  const targets = isMap(doc.targets) ? doc.targets : {};
  const target =
    options.target ?? Object.entries(targets).find(([, t]) => isMap(t) && t.default === true)?.[0];
  if (target === undefined || !isMap(targets[target])) {
    throw new InputError(
      `${file} has no target "${target ?? '(default)'}"; targets there: ${Object.keys(targets).join(', ') || '(none)'}. Pass -t <target>.`,
    );
  }
  const declared = isMap(doc.variables) ? doc.variables : {};
  const values: Record<string, string> = {};
  for (const [name, spec] of Object.entries(declared)) {
    if (isMap(spec) && spec.default !== undefined && spec.default !== null)
      values[name] = String(spec.default);
  }
  const fromTarget = isMap((targets[target] as Yaml).variables)
    ? ((targets[target] as Yaml).variables as Yaml)
    : {};
  for (const [name, value] of Object.entries(fromTarget)) {
    values[name] = isMap(value) && 'default' in value ? String(value.default) : String(value);
  }
  const env = options.env ?? {};
  for (const name of Object.keys(declared)) {
    const fromEnv = env[`BUNDLE_VAR_${name}`];
    if (fromEnv !== undefined && fromEnv !== '') values[name] = fromEnv;
  }
  for (const [name, value] of Object.entries(options.overrides ?? {})) {
    if (!(name in declared)) {
      throw new InputError(
        `--var ${name}=…: ${file} declares no variable "${name}"; it declares ${Object.keys(declared).join(', ')}.`,
      );
    }
    values[name] = value;
  }
  return { root, target, variables: values };
}
