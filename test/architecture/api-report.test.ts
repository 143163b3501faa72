import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspacePackages } from './workspace.js';

/** Every name an entry file exports (types included), following `export *` re-exports. */
function exportedNames(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '');
  const names: string[] = [];
  for (const m of text.matchAll(/export\s+\*\s+from\s+'([^']+)'/g)) {
    names.push(...exportedNames(path.resolve(path.dirname(file), m[1]!.replace(/\.js$/, '.ts')), seen));
  }
  for (const m of text.matchAll(/export\s+(?:type\s+)?\{([^}]*)\}/g)) {
    for (const part of m[1]!.split(',')) {
      const name = part
        .trim()
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/)
        .at(-1)!
        .trim();
      if (name) names.push(name);
    }
  }
  for (const m of text.matchAll(
    /export\s+(?:declare\s+)?(?:abstract\s+)?(?:async\s+)?(?:function\*?|const|let|class|interface|type|enum)\s+([A-Za-z0-9_$]+)/g,
  )) {
    names.push(m[1]!);
  }
  return [...new Set(names)].sort();
}

/** Each public entry point of a package: `name` or `name/subpath` → its source file. */
function entries(): { entry: string; file: string }[] {
  return workspacePackages()
    .filter((p) => !p.private)
    .flatMap((p) =>
      Object.entries((p.manifest.exports ?? {}) as Record<string, Record<string, string>>)
        .filter(([, conditions]) => conditions['@em/source'])
        .map(([subpath, conditions]) => ({
          entry: subpath === '.' ? p.name : `${p.name}/${subpath.slice(2)}`,
          file: path.join(p.dir, conditions['@em/source']!),
        })),
    );
}

describe('public API surface (review a change in test/architecture/api-report/, then `npx vitest run -u`)', () => {
  it.each(entries().map((e) => [e.entry, e.file] as const))('%s', async (entry, file) => {
    const names = exportedNames(file);
    await expect(`${names.join('\n')}\n`).toMatchFileSnapshot(
      `./api-report/${entry.replace('@em/', '').replace('/', '__')}.api.txt`,
    );
  });

  it('keeps @em/core small at its root: building blocks live under subpaths', () => {
    const core = entries().find((e) => e.entry === '@em/core')!;
    expect(exportedNames(core.file).length).toBeLessThanOrEqual(60);
  });
});
