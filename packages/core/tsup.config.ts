import { defineConfig } from 'tsup';

// The root entry and each subpath (see package.json `exports`); shared code lands in chunks,
// so classes such as EmError are one class whichever entry a caller imports.
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    text: 'src/entries/text.ts',
    features: 'src/entries/features.ts',
    cascade: 'src/entries/cascade.ts',
    adjudication: 'src/entries/adjudication.ts',
    transport: 'src/entries/transport.ts',
    alerts: 'src/entries/alerts.ts',
    engine: 'src/entries/engine.ts',
    'testing/index': 'src/testing/index.ts',
  },
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  external: ['vitest'],
});
