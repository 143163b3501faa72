import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/bin.ts'],
  format: ['esm'],
  dts: { entry: 'src/index.ts' },
  sourcemap: true,
  clean: true,
  target: 'node20',
  // `em demo` generates its data with @em/fixtures, loaded lazily; keep it out of the bundle
  // like the declared @em/* dependencies (it belongs in package.json dependencies too).
  external: ['@em/fixtures'],
});
