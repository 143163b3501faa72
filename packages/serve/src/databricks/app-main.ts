/**
 * The console as a Databricks App: the entry `npm run build:app -w @em/serve` bundles, with every
 * dependency inside, into apps/console/server.mjs (apps/console/app.yaml runs it; deploying installs nothing).
 * It reads and writes the Unity Catalog gold, review and audit tables through the SQL warehouse
 * bound to the app, trusts the user the Apps proxy forwards (X-Forwarded-Email) and records
 * that user in the audit. Settings: DATABRICKS_WAREHOUSE_ID (from the app's sql-warehouse
 * resource), EM_CATALOG (default entity_matching), EM_CONSOLE_CONFIG (optional JSON config
 * file with `alerts`); host and credentials come from the Apps runtime.
 */
import { readFileSync } from 'node:fs';
import { parseCascadeConfig } from '@em/core';
import { DatabricksEngine } from '@em/databricks-client';
import { startConsole } from '../server.js';
import { DatabricksConsoleStore } from './databricks-store.js';

const env = process.env;
try {
  const config = parseCascadeConfig(
    env.EM_CONSOLE_CONFIG ? JSON.parse(readFileSync(env.EM_CONSOLE_CONFIG, 'utf8')) : {},
  );
  const engine = DatabricksEngine.open({ env });
  const store = new DatabricksConsoleStore(engine.sql);
  await store.prepare();
  const running = await startConsole({
    store,
    host: '0.0.0.0',
    port: Number(env.DATABRICKS_APP_PORT ?? 8000),
    databricksApp: true,
    config,
    env,
  });
  console.log(`em console (Databricks App) on ${running.url}, tables in ${store.label}`);
} catch (error) {
  console.error(`em console could not start: ${(error as Error).message}`);
  process.exit(1);
}
