import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandNames, createProgram, runCli } from '../src/index.js';
import { walk } from '../src/program.js';
import { captureIo, fakeEngine, REPO_ROOT } from './helpers.js';

const program = createProgram({
  io: captureIo(),
  openEngine: fakeEngine().open,
  openDatabricksEngine: fakeEngine().open as never,
});
const everyCommand = walk(program).map((command) => {
  const names: string[] = [];
  for (let c: typeof command | null = command; c?.parent; c = c.parent) names.unshift(c.name());
  return { command, args: names };
});

describe('help', () => {
  it('lists the commands issue 3 asks for', () => {
    expect(commandNames(program)).toEqual(
      expect.arrayContaining([
        'em init',
        'em ingest reference',
        'em ingest source',
        'em run',
        'em export',
        'em review list',
        'em review accept',
        'em review reject',
        'em stats',
        'em demo',
      ]),
    );
  });

  it.each(everyCommand.map(({ command, args }) => [['em', ...args].join(' '), command, args] as const))(
    '%s --help prints usage, a description and examples, exit 0',
    async (name, command, args) => {
      expect(command.description().trim().length, `${name} has no description`).toBeGreaterThan(10);
      for (const flag of ['--help', '-h']) {
        const io = captureIo();
        expect(await runCli([...args, flag], { io })).toBe(0);
        expect(io.out()).toContain(`Usage: ${name}`);
        expect(squash(io.out())).toContain(squash(command.description()));
        expect(io.out()).toMatch(/Examples:\n\s+\$ em /);
      }
    },
  );

  it('every command that does something takes --db and --json', () => {
    for (const { command, args } of everyCommand.filter(
      (c) => c.command.commands.length === 0 && c.args.length,
    )) {
      const flags = command.options.map((o) => o.long);
      expect(flags, args.join(' ')).toEqual(expect.arrayContaining(['--db', '--json']));
    }
  });
});

/** Help wraps long lines; compare text with whitespace collapsed. */
function squash(text: string): string {
  return text.replace(/\s+/g, ' ');
}

const readmePath = path.join(REPO_ROOT, 'README.md');

describe('README', () => {
  it('mentions every command', () => {
    expect(existsSync(readmePath), `${readmePath} is missing; it must document every em command`).toBe(true);
    const readme = readFileSync(readmePath, 'utf8');
    const missing = commandNames(program).filter((name) => !readme.includes(name));
    expect(missing, `README.md does not mention: ${missing.join(', ')}`).toEqual([]);
  });
});
