import { existsSync } from 'node:fs';
import { formatEstimate, formatPercent } from '../output/format.js';

/** The pair model beside a database, as `em stats` shows it: version, what it learnt from, how far to trust it. */
export async function modelSummary(
  dbPath: string,
): Promise<{ lines: [string, string][]; json: unknown } | null> {
  const { modelPathFor, readArtifact } = await import('@em/local');
  const path = modelPathFor(dbPath);
  if (!existsSync(path)) return null;
  let read: ReturnType<typeof readArtifact>;
  try {
    read = readArtifact(path);
  } catch (error) {
    return {
      lines: [['pair model', `unreadable: ${(error as Error).message}`]],
      json: { path, error: (error as Error).message },
    };
  }
  const { artifact, modelVersion } = read;
  const trust = artifact.trust;
  const p = trust?.autoPrecision;
  const lines: [string, string][] = [
    ['pair model', `${modelVersion} (trained from ${artifact.training.source})`],
    [
      'est. auto-match precision',
      p
        ? `${formatEstimate(p.estimate)} (95% ${formatPercent(p.low)}–${formatPercent(p.high)}) on ${trust!.basis}`
        : 'not estimated',
    ],
  ];
  if (!trust?.validatedOnLabels)
    lines.push(['validated', 'never validated on labels from this data (em label, or em train --labels)']);
  return { lines, json: { path, modelVersion, source: artifact.training.source, trust: trust ?? null } };
}
