import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { EmError } from '@em/core';

/**
 * Code for `new Worker(code, { eval: true })` that imports `moduleUrl` and calls its export
 * `entry`. From TypeScript sources (development and tests) the worker registers tsx first; from
 * the build, `moduleUrl` is the bundle, which exports `entry` too.
 */
export function workerModuleCode(moduleUrl: string, entry: string): string {
  const loader = moduleUrl.endsWith('.ts') ? tsLoaderUrl() : null;
  return loader
    ? `import(${JSON.stringify(loader)}).then((t) => t.register()).then(() => import(${JSON.stringify(moduleUrl)})).then((m) => m.${entry}());`
    : `import(${JSON.stringify(moduleUrl)}).then((m) => m.${entry}());`;
}

/**
 * `workerModuleCode` for a worker its caller waits on synchronously: `workerData.signal` is a
 * SharedArrayBuffer whose first Int32 is the worker's state. If the module cannot even load, the
 * worker posts `{ error }` on `workerData.port` and sets the state to `failed`, so nothing waits
 * forever.
 */
export function waitedWorkerCode(moduleUrl: string, entry: string, failed: number): string {
  return `${workerModuleCode(moduleUrl, entry).replace(/;$/, '')}.catch((e) => { const { workerData: w } = require('node:worker_threads'); w.port.postMessage({ error: String(e && e.stack || e) }); const s = new Int32Array(w.signal); Atomics.store(s, 0, ${failed}); Atomics.notify(s, 0); });`;
}

/** tsx's ESM API, for workers started from TypeScript sources. */
function tsLoaderUrl(): string {
  try {
    const pkg = createRequire(import.meta.url).resolve('tsx/package.json');
    return pathToFileURL(path.join(path.dirname(pkg), 'dist/esm/api/index.mjs')).href;
  } catch (cause) {
    throw new EmError(
      'Worker threads need tsx to run from TypeScript sources; build the package or install tsx.',
      { cause },
    );
  }
}
