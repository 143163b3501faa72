import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface WorkspacePackage {
  readonly name: string;
  readonly dir: string;
  readonly private: boolean;
  readonly dependencies: Readonly<Record<string, string>>;
  readonly devDependencies: Readonly<Record<string, string>>;
  readonly manifest: Record<string, unknown>;
}

/** Every workspace package (packages/* and fixtures), from its package.json. */
export function workspacePackages(): WorkspacePackage[] {
  const dirs = [
    ...readdirSync(path.join(ROOT, 'packages')).map((d) => path.join(ROOT, 'packages', d)),
    path.join(ROOT, 'fixtures'),
  ].filter((d) => existsSync(path.join(d, 'package.json')));
  return dirs.map((dir) => {
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    return {
      name: manifest.name,
      dir,
      private: manifest.private === true,
      dependencies: manifest.dependencies ?? {},
      devDependencies: manifest.devDependencies ?? {},
      manifest,
    };
  });
}

/** Every .ts file under `dir`, recursively (node_modules and dist skipped). */
export function tsFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (entry === 'node_modules' || entry === 'dist') return [];
    if (statSync(full).isDirectory()) return tsFiles(full);
    return /\.m?ts$/.test(entry) && !entry.endsWith('.d.ts') ? [full] : [];
  });
}

const IMPORT =
  /(?:^|[\s;])(?:import|export)\s[^'"`]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm;

/** Module specifiers a file imports (static, re-exports and dynamic imports with a literal), type-only ones included. */
export function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => (m[1] ?? m[2] ?? m[3])!);
}

/** The package a bare specifier names: `@em/core/testing` → `@em/core`, `node:fs` → null. */
export function packageOf(specifier: string): string | null {
  if (specifier.startsWith('.') || specifier.startsWith('node:')) return null;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}
