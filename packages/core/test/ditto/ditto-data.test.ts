import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type DittoField,
  dittoPairLine,
  parseDittoPairLine,
  serializeForDitto,
} from '../../src/entries/text.js';
import { hasSharedData, readSharedText, sharedDataDir } from '../helpers/shared-data.js';

const present = hasSharedData('er_magellan');

function listPairFiles(): string[] {
  const root = path.join(sharedDataDir, 'er_magellan');
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.txt'))
    .map((file) => path.join('er_magellan', file))
    .sort();
}

function reserialize(fields: DittoField[]): string {
  const record = Object.fromEntries(fields.map((f) => [f.attribute, f.value]));
  return serializeForDitto(
    record,
    fields.map((f) => f.attribute),
  );
}

describe.skipIf(!present)("er_magellan pair files: our serialization is byte-identical to Ditto's", () => {
  it.each(present ? listPairFiles() : ['(data absent)'])(
    '%s: every line parses and re-serializes to itself',
    (file) => {
      const lines = readSharedText(file)
        .split('\n')
        .filter((line) => line !== '');
      const mismatches: string[] = [];
      for (const [index, line] of lines.entries()) {
        const pair = parseDittoPairLine(line);
        const rebuilt = dittoPairLine(
          reserialize(pair.left),
          reserialize(pair.right),
          pair.label ?? undefined,
        );
        if (rebuilt !== line) mismatches.push(`line ${index + 1}: ${line.slice(0, 80)}`);
      }
      expect(mismatches.slice(0, 5)).toEqual([]);
      expect(lines.length).toBeGreaterThan(50);
    },
  );
});
