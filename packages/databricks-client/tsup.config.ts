import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm'],
  dts: { entry: 'src/index.ts' },
  sourcemap: true,
  clean: true,
  target: 'node20',
  // @em/local is loaded lazily, only to render the sql/ DDL; zod comes with @em/core. Neither is bundled.
  external: ['@em/local', 'zod'],
});
