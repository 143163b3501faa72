import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, packageOf, ROOT, tsFiles, workspacePackages } from './workspace.js';

const packages = workspacePackages();
const ENGINES = ['@em/local', '@em/databricks-client'];
const rel = (file: string) => path.relative(ROOT, file);

/** Relative imports of `file`, resolved to the .ts file they load. */
function localTargets(file: string): string[] {
  return importsOf(file)
    .filter((s) => s.startsWith('.'))
    .map((s) => path.resolve(path.dirname(file), s).replace(/\.js$/, '.ts'))
    .map((target) => (existsSync(target) ? target : target.replace(/\.ts$/, '/index.ts')));
}

/** Every import cycle among `files` (each reported once, as the files in order). */
function cycles(files: readonly string[]): string[][] {
  const graph = new Map(files.map((f) => [f, localTargets(f).filter((t) => files.includes(t))]));
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') found.push(stack.slice(stack.indexOf(next)).map(rel));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return found;
}

describe('the import graph', () => {
  it.each(packages.map((p) => [p.name, p] as const))(
    '%s: source files import no file in a cycle',
    (_, pkg) => {
      const files = [...tsFiles(path.join(pkg.dir, 'src')), ...tsFiles(path.join(pkg.dir, 'bench'))].filter(
        (f) => !f.endsWith('.test.ts'),
      );
      expect(cycles(files)).toEqual([]);
    },
  );

  it('has no engine importing another engine, and nothing importing the CLI', () => {
    const offences: string[] = [];
    for (const pkg of packages) {
      const files = ['src', 'test', 'bench'].flatMap((d) => tsFiles(path.join(pkg.dir, d)));
      for (const file of files) {
        for (const spec of importsOf(file)) {
          const target = packageOf(spec);
          if (target === '@em/cli' && pkg.name !== '@em/cli') offences.push(`${rel(file)} imports ${spec}`);
          if (ENGINES.includes(pkg.name) && target !== pkg.name && ENGINES.includes(target ?? ''))
            offences.push(`${rel(file)} (engine ${pkg.name}) imports engine ${spec}`);
        }
      }
      for (const dep of Object.keys({ ...pkg.dependencies, ...(pkg.manifest.peerDependencies as object) })) {
        if (dep === '@em/cli') offences.push(`${pkg.name} depends on @em/cli`);
        if (ENGINES.includes(pkg.name) && ENGINES.includes(dep) && dep !== pkg.name)
          offences.push(`engine ${pkg.name} depends on engine ${dep}`);
      }
    }
    expect(offences).toEqual([]);
  });

  it('has no circular dependency between packages', () => {
    const deps = new Map(
      packages.map((p) => [p.name, Object.keys(p.dependencies).filter((d) => d.startsWith('@em/'))]),
    );
    const reach = (from: string, seen = new Set<string>()): Set<string> => {
      for (const d of deps.get(from) ?? []) if (!seen.has(d)) reach(d, seen.add(d));
      return seen;
    };
    expect(packages.filter((p) => reach(p.name).has(p.name)).map((p) => p.name)).toEqual([]);
  });

  it('has every package a source file imports declared in its package.json, and no test reaching into another package', () => {
    const offences: string[] = [];
    for (const pkg of packages) {
      const declared = new Set([pkg.name, ...Object.keys(pkg.dependencies)]);
      for (const file of tsFiles(path.join(pkg.dir, 'src')).filter((f) => !f.endsWith('.test.ts'))) {
        for (const spec of importsOf(file)) {
          const target = packageOf(spec);
          if (target?.startsWith('@em/') && !declared.has(target))
            offences.push(`${rel(file)} imports ${spec}, not in ${pkg.name}'s dependencies`);
        }
      }
      for (const file of ['src', 'test', 'bench'].flatMap((d) => tsFiles(path.join(pkg.dir, d)))) {
        for (const spec of importsOf(file).filter((s) => s.startsWith('.'))) {
          const target = path.resolve(path.dirname(file), spec);
          if (!target.startsWith(pkg.dir + path.sep))
            offences.push(`${rel(file)} reaches outside its package: ${spec}`);
        }
      }
    }
    expect(offences).toEqual([]);
  });

  it('has no published package depending on a private one', () => {
    const privateNames = new Set(packages.filter((p) => p.private).map((p) => p.name));
    const offences = packages
      .filter((p) => !p.private)
      .flatMap((p) =>
        Object.keys(p.dependencies)
          .filter((d) => privateNames.has(d))
          .map((d) => `${p.name} → ${d}`),
      );
    expect(offences).toEqual([]);
  });
});
