import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '@em/core';

/** One `[section]` of a ~/.databrickscfg: lower-cased keys, trimmed values. */
export type ProfileValues = Readonly<Record<string, string>>;

/**
 * Parse the INI text of a Databricks config file as the official SDKs read it: `[name]`
 * sections of `key = value` lines; `#` and `;` start comments.
 */
export function parseConfigFile(text: string): Map<string, ProfileValues> {
  const sections = new Map<string, Record<string, string>>();
  let current: Record<string, string> | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      const name = header[1]!.trim();
      current = sections.get(name) ?? {};
      sections.set(name, current);
      continue;
    }
    const eq = line.search(/[=:]/);
    if (current === null || eq <= 0) continue;
    current[line.slice(0, eq).trim().toLowerCase()] = line.slice(eq + 1).trim();
  }
  return sections;
}

export interface ProfileChoice {
  readonly path: string;
  readonly name: string;
  readonly values: ProfileValues;
}

/**
 * The profile the official SDKs would load (databricks-sdk-py `Config._known_file_config_loader`):
 * the named one (which must exist), else `[__settings__] default_profile`, else `[DEFAULT]` when
 * it has values, else none. A missing file is no profile, unless one was named.
 */
export function loadProfile(options: {
  readonly configFile: string | undefined;
  readonly profile: string | undefined;
  readonly home?: string;
}): ProfileChoice | null {
  const path = options.configFile ?? join(options.home ?? homedir(), '.databrickscfg');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    if (options.profile !== undefined) {
      throw new InputError(
        `Databricks profile "${options.profile}" was asked for (DATABRICKS_CONFIG_PROFILE or --profile), but ${path} cannot be read. Create it with \`databricks auth login --profile ${options.profile}\` or \`databricks configure\`, or unset DATABRICKS_CONFIG_PROFILE.`,
      );
    }
    return null;
  }
  const sections = parseConfigFile(text);
  let name = options.profile;
  if (name === undefined) {
    const fallback = sections.get('__settings__')?.default_profile;
    if (fallback) name = fallback;
    else if (Object.keys(sections.get('DEFAULT') ?? {}).length > 0) name = 'DEFAULT';
    else return null;
  }
  const values = name === '__settings__' ? undefined : sections.get(name);
  if (values === undefined) {
    const known = [...sections.keys()].filter((s) => s !== '__settings__');
    throw new InputError(
      `resolve: ${path} has no ${name} profile configured. Profiles there: ${known.length > 0 ? known.join(', ') : '(none)'}; set DATABRICKS_CONFIG_PROFILE to one of them.`,
    );
  }
  return { path, name, values };
}
