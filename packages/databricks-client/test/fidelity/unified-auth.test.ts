// Databricks unified auth as the official SDKs resolve it. Reference: databricks-sdk-py
// `databricks/sdk/config.py` — attributes from arguments, then DATABRICKS_* environment variables,
// then the ~/.databrickscfg profile (`_known_file_config_loader`: read when a profile is named or
// nothing is configured yet; `[__settings__] default_profile`, else `[DEFAULT]`; a named profile
// that is missing is "resolve: <file> has no <name> profile configured"), and `_validate`: a token
// and a client id/secret together are "validate: more than one authorization method configured:
// oauth and pat" unless auth_type chooses.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '@em/core';
import { describe, expect, it } from 'vitest';
import { resolveDatabricksAuth } from '../../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'em-databrickscfg-'));
const cfg = join(dir, 'databrickscfg');
writeFileSync(
  cfg,
  `; written by databricks configure
[DEFAULT]
host = https://dbc-default.cloud.databricks.com
token = dapi-default

[prod]
host  = https://dbc-prod.cloud.databricks.com/
client_id = sp-prod
client_secret = secret-prod

[both]
host = https://dbc-both.cloud.databricks.com
token = dapi-both
client_id = sp-both
client_secret = secret-both
`,
);
const noFile = join(dir, 'absent');

const failure = (env: Record<string, string>): string => {
  try {
    resolveDatabricksAuth({ env });
    return 'no error';
  } catch (error) {
    expect(InputError.isInstance(error)).toBe(true);
    return (error as Error).message;
  }
};

describe('more than one authorization method', () => {
  it('refuses a token together with a client id and secret, naming where each came from', () => {
    // Before this fix em silently used the token.
    const message = failure({
      DATABRICKS_HOST: 'h',
      DATABRICKS_TOKEN: 'dapi1',
      DATABRICKS_CLIENT_ID: 'a',
      DATABRICKS_CLIENT_SECRET: 'b',
      DATABRICKS_CONFIG_FILE: noFile,
    });
    expect(message).toMatch(/^validate: more than one authorization method configured: oauth and pat/);
    expect(message).toMatch(/token from DATABRICKS_TOKEN, client id from DATABRICKS_CLIENT_ID/);
    expect(message).toMatch(/DATABRICKS_AUTH_TYPE=pat or DATABRICKS_AUTH_TYPE=oauth-m2m/);
    expect(message).not.toMatch(/dapi1|\bb\b.*secret/);
  });

  it('lets DATABRICKS_AUTH_TYPE choose, as auth_type does in the SDKs', () => {
    const env = {
      DATABRICKS_HOST: 'h',
      DATABRICKS_TOKEN: 't',
      DATABRICKS_CLIENT_ID: 'a',
      DATABRICKS_CLIENT_SECRET: 'b',
    };
    expect(
      resolveDatabricksAuth({ env: { ...env, DATABRICKS_AUTH_TYPE: 'oauth-m2m' } }).credentials.kind,
    ).toBe('oauth-m2m');
    expect(resolveDatabricksAuth({ env: { ...env, DATABRICKS_AUTH_TYPE: 'pat' } }).credentials.kind).toBe(
      'pat',
    );
    expect(failure({ ...env, DATABRICKS_AUTH_TYPE: 'azure-cli' })).toMatch(
      /azure-cli is not supported by em/,
    );
  });

  it('counts a profile that holds both as a conflict too', () => {
    expect(failure({ DATABRICKS_CONFIG_FILE: cfg, DATABRICKS_CONFIG_PROFILE: 'both' })).toMatch(
      /more than one authorization method configured: oauth and pat \(token from profile \[both\]/,
    );
  });
});

describe('~/.databrickscfg profiles', () => {
  it('reads the profile DATABRICKS_CONFIG_PROFILE names (host normalized)', () => {
    expect(
      resolveDatabricksAuth({ env: { DATABRICKS_CONFIG_FILE: cfg, DATABRICKS_CONFIG_PROFILE: 'prod' } }),
    ).toEqual({
      host: 'https://dbc-prod.cloud.databricks.com',
      credentials: { kind: 'oauth-m2m', clientId: 'sp-prod', clientSecret: 'secret-prod' },
    });
  });

  it('falls back to [DEFAULT] when nothing is configured, and to [__settings__] default_profile first', () => {
    expect(resolveDatabricksAuth({ env: { DATABRICKS_CONFIG_FILE: cfg } })).toEqual({
      host: 'https://dbc-default.cloud.databricks.com',
      credentials: { kind: 'pat', token: 'dapi-default' },
    });
    const withSettings = join(dir, 'with-settings');
    writeFileSync(
      withSettings,
      '[__settings__]\ndefault_profile = prod\n\n[prod]\nhost = p.example\ntoken = dapi-p\n',
    );
    expect(resolveDatabricksAuth({ env: { DATABRICKS_CONFIG_FILE: withSettings } }).host).toBe(
      'https://p.example',
    );
  });

  it('does not read the file when the environment already configures a host, unless a profile is named', () => {
    expect(
      resolveDatabricksAuth({
        env: { DATABRICKS_CONFIG_FILE: cfg, DATABRICKS_HOST: 'env.example', DATABRICKS_TOKEN: 'dapi-env' },
      }),
    ).toEqual({ host: 'https://env.example', credentials: { kind: 'pat', token: 'dapi-env' } });
    // Environment values win over the profile's, field by field.
    expect(
      resolveDatabricksAuth({
        env: {
          DATABRICKS_CONFIG_FILE: cfg,
          DATABRICKS_CONFIG_PROFILE: 'DEFAULT',
          DATABRICKS_HOST: 'env.example',
        },
      }),
    ).toEqual({ host: 'https://env.example', credentials: { kind: 'pat', token: 'dapi-default' } });
  });

  it('names a missing profile and the ones there are', () => {
    expect(failure({ DATABRICKS_CONFIG_FILE: cfg, DATABRICKS_CONFIG_PROFILE: 'staging' })).toMatch(
      /^resolve: .*databrickscfg has no staging profile configured\. Profiles there: DEFAULT, prod, both/,
    );
    expect(failure({ DATABRICKS_CONFIG_FILE: noFile, DATABRICKS_CONFIG_PROFILE: 'prod' })).toMatch(
      /profile "prod" was asked for .* cannot be read/,
    );
  });
});
