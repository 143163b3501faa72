import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Run a package's bin: dist/bin.js when the package is built (an installed package always
 * is), else src/bin.ts through tsx with the `@em/source` condition, so a fresh clone needs no
 * build. The user's arguments, working directory and exit code pass through unchanged.
 */
export async function launch(binUrl, name) {
  const root = path.resolve(path.dirname(fileURLToPath(binUrl)), '..');
  const built = path.join(root, 'dist', 'bin.js');
  if (existsSync(built)) {
    await import(pathToFileURL(built).href);
    return;
  }
  let tsx;
  try {
    tsx = createRequire(path.join(root, 'package.json')).resolve('tsx');
  } catch {
    process.stderr.write(
      `${name}: not built and tsx is missing. Run \`npm ci\` in the repository (or \`npx turbo run build\`).\n`,
    );
    process.exit(1);
  }
  const child = spawnSync(
    process.execPath,
    [
      '--conditions=@em/source',
      '--import',
      pathToFileURL(tsx).href,
      path.join(root, 'src', 'bin.ts'),
      ...process.argv.slice(2),
    ],
    { stdio: 'inherit' },
  );
  process.exit(child.status ?? 1);
}
