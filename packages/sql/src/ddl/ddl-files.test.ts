import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without types
import { generatedDdlModule } from '../../scripts/generate-ddl.mjs';

describe('the DDL module carried in @em/sql', () => {
  it('is exactly what sql/ generates (run `npm run generate:ddl -w @em/sql` after editing sql/)', () => {
    const committed = readFileSync(
      fileURLToPath(new URL('./ddl-files.generated.ts', import.meta.url)),
      'utf8',
    );
    expect(committed).toBe(generatedDdlModule());
  });
});
