import path from 'node:path';
import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: ['src/index.ts'],
    format: ['esm'],
    dts: { entry: 'src/index.ts' },
    sourcemap: true,
    clean: true,
    target: 'node20',
  },
  {
    // The Databricks App: one file with every dependency inside (built from the workspace
    // sources), so deploying apps/console/ installs nothing. DuckDB's native module is replaced by a stub
    // (the app never opens a DuckDB file); the Thrift driver stays out (the app uses the SQL
    // warehouse's Statement Execution API).
    entry: { server: 'src/databricks/app-main.ts' },
    outDir: '../../apps/console',
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    clean: false,
    dts: false,
    sourcemap: false,
    splitting: false,
    noExternal: [/^(?!@databricks\/sql)/],
    external: ['@databricks/sql'],
    outExtension: () => ({ js: '.mjs' }),
    banner: {
      js: "import { createRequire as emCreateRequire } from 'node:module'; const require = emCreateRequire(import.meta.url);",
    },
    esbuildOptions(options) {
      options.conditions = ['@em/source', 'import', 'node'];
      options.alias = { '@duckdb/node-api': path.resolve('src/databricks/no-duckdb.ts') };
    },
  },
]);
