import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A fresh temp folder, removed by the returned cleanup. */
export function tempDir(): { dir: string; file: (name: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'em-local-test-'));
  return {
    dir,
    file: (name) => path.join(dir, name),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

const quote = (v: string | null | undefined): string => {
  if (v === null || v === undefined) return '';
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
};

/** RFC 4180 CSV text. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | null | undefined)[])[],
): string {
  return `${[header, ...rows].map((r) => r.map(quote).join(',')).join('\n')}\n`;
}

/** Rows as objects → CSV with the given header. */
export function recordsToCsv(
  header: readonly string[],
  records: readonly Record<string, string | null>[],
): string {
  return toCsv(
    header,
    records.map((r) => header.map((h) => r[h] ?? null)),
  );
}

export function writeText(file: string, text: string | Buffer): string {
  writeFileSync(file, text);
  return file;
}
