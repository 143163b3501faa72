// Workspaces enabled for Unity Catalog automatically have a metastore without a managed storage
// location, so `CREATE CATALOG x` fails there unless it names one (`MANAGED LOCATION '…'`); see
// docs.databricks.com/connect/unity-catalog/managed-storage. The fake warehouse answers such a
// CREATE CATALOG with the error users report ("Metastore storage root URL does not exist…").
// em lets the user name a managed location or use an existing catalog, in the library and the CLI.

import { InputError } from '@em/core';
import { engineFor, FakeWorkspace, PAT } from '@em/databricks-client/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../src/index.js';

let ws: FakeWorkspace;
beforeEach(async () => {
  ws = await FakeWorkspace.start();
  ws.warehouse.metastoreStorageRoot = false;
});
afterEach(() => ws.close());

const catalogDdl = () => ws.warehouse.ddl.filter((s) => /CREATE CATALOG/i.test(s));

describe('CREATE CATALOG on a metastore without a storage root', () => {
  it('fails with both ways out named', async () => {
    const error = await rejection(engineFor(ws).init());
    expect(InputError.isInstance(error)).toBe(true);
    expect(error.message).toMatch(/no storage root.*--managed-location s3:\/\/.*--existing-catalog/);
  });

  it('creates the catalog in the managed location given', async () => {
    await engineFor(ws).init({ managedLocation: 's3://bank-lake/em' });
    expect(catalogDdl()).toEqual([
      "CREATE CATALOG IF NOT EXISTS entity_matching MANAGED LOCATION 's3://bank-lake/em'",
    ]);
    expect(
      ws.warehouse.ddl.some((s) =>
        /CREATE TABLE IF NOT EXISTS entity_matching\.gold\.matched_entities/.test(s),
      ),
    ).toBe(true);
  });

  it('uses an existing catalog without creating one, and refuses a location that is not a URL', async () => {
    await engineFor(ws).init({ createCatalog: false });
    expect(catalogDdl()).toEqual([]);
    await expect(engineFor(ws).init({ managedLocation: "s3://x'; DROP" })).rejects.toThrow(
      /is not a storage URL/,
    );
  });

  it('is exposed by em init --engine databricks', async () => {
    let out = '';
    let err = '';
    const io = {
      stdout: { write: (c: string) => (out += c), isTTY: false },
      stderr: { write: (c: string) => (err += c), isTTY: false },
      env: { DATABRICKS_HOST: ws.url, DATABRICKS_TOKEN: PAT, DATABRICKS_WAREHOUSE_ID: 'wh-fake' },
      cwd: process.cwd(),
    };
    expect(
      await runCli(['init', '--engine', 'databricks', '--managed-location', 's3://bank-lake/em'], { io }),
    ).toBe(0);
    expect(out).toMatch(/entity_matching/);
    expect(catalogDdl()).toEqual([
      "CREATE CATALOG IF NOT EXISTS entity_matching MANAGED LOCATION 's3://bank-lake/em'",
    ]);
    expect(
      await runCli(
        ['init', '--engine', 'databricks', '--existing-catalog', '--managed-location', 's3://a/b'],
        { io },
      ),
    ).toBe(2);
    expect(err).toMatch(/not both/);
  });
});

/** The error a promise rejects with; fails the test when it resolves instead. */
async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}
