#!/usr/bin/env node
// Carry the top-level sql/ DDL (the single source, part of the user's layout) into this package
// as a TypeScript module, so an installed @em/sql has it without reading files.
// Run after editing sql/: `npm run generate:ddl -w @em/sql` (a test fails until you do).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const sqlDir = path.resolve(here, '../../../sql');
const out = path.resolve(here, '../src/ddl/ddl-files.generated.ts');

export function generatedDdlModule(dir = sqlDir) {
  const files = readdirSync(dir)
    .filter((name) => /^\d{3}_.+\.sql$/.test(name))
    .sort()
    .map((name) => ({ name, text: readFileSync(path.join(dir, name), 'utf8') }));
  return `// GENERATED from the top-level sql/ folder by packages/sql/scripts/generate-ddl.mjs. Do not edit:
// edit sql/ and run \`npm run generate:ddl -w @em/sql\` (ddl-files.test.ts fails until you do).

/** One file of sql/ (Databricks SQL, catalog written as \`entity_matching\`), in name order. */
export interface DdlFile {
  readonly name: string;
  readonly text: string;
}

export const DDL_FILES: readonly DdlFile[] = ${JSON.stringify(files, null, 2)};
`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(out, generatedDdlModule());
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
}
