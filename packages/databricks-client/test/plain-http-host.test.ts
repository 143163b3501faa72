import { describe, expect, it } from 'vitest';
import { resolveDatabricksAuth } from '../src/index.js';

const auth = (host: string) => resolveDatabricksAuth({ host, token: 'dapi-secret', env: {} });

describe('a Databricks host over plain http://', () => {
  it('is refused (the token would travel unencrypted), naming the https:// fix and never the token', () => {
    let message = '';
    try {
      auth('http://dbc-1234.cloud.databricks.com');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('uses plain http://, which would send your token unencrypted');
    expect(message).toContain('https://dbc-1234.cloud.databricks.com');
    expect(message).not.toContain('dapi-secret');
  });

  it('is allowed for a server on this machine; https:// and bare hosts are unchanged', () => {
    expect(auth('http://127.0.0.1:8080').host).toBe('http://127.0.0.1:8080');
    expect(auth('http://localhost:9000/').host).toBe('http://localhost:9000');
    expect(auth('https://dbc-1.cloud.databricks.com/').host).toBe('https://dbc-1.cloud.databricks.com');
    expect(auth('dbc-1.cloud.databricks.com').host).toBe('https://dbc-1.cloud.databricks.com');
  });
});
