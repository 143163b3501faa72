import { sourceKey } from '@em/core';
import { nameSimilarity } from '@em/core/text';
import { describe, expect, it } from 'vitest';
import {
  ChannelRetriever,
  GbdtPairScorer,
  IndexRetriever,
  NameIndex,
  ReferenceIdentifiers,
  readReferenceRows,
  readSourceRows,
  trainLocalModel,
} from '../src/index.js';
import { candidatePairs } from '../src/model/candidate-pairs.js';
import {
  confidentDecisions,
  SELF_TRAINING_MATCH,
  SELF_TRAINING_NONE,
  SELF_TRAINING_RUNNER_UP,
  selfTrainingLabels,
} from '../src/model/self-training.js';
import { ingestedCommittedData } from './helpers/committed-fixture.js';

const fixture = ingestedCommittedData();
const { db } = fixture;

const fast = { maxSources: 400, pairs: 400 } as const;

describe('self-training', () => {
  it("labels only the first model's confident decisions, and a person's label replaces the model's", async () => {
    const engine = fixture.engine();
    const query = (sql: string) => engine.query(sql);
    const reference = await readReferenceRows(query);
    const sources = (await readSourceRows(query)).slice(0, 400);
    const first = trainLocalModel(db, reference, { ...fast, sources });
    expect(first.training.source).toBe('self-supervised');
    const retriever = new ChannelRetriever(
      new IndexRetriever(NameIndex.build(reference), reference),
      reference,
    );
    const ctx = { reference, retriever, identifiers: new ReferenceIdentifiers(reference) };
    const people = [
      { source: sources[0]!, trueCiqId: null },
      { source: sources[1]!, trueCiqId: reference[7]!.ciq_id },
    ];
    const { labels, stats } = selfTrainingLabels(
      confidentDecisions(ctx, first.artifact, sources, 10),
      people,
    );

    const byKey = new Map<string, (typeof labels)[number][]>();
    for (const l of labels) byKey.set(sourceKey(l.source), [...(byKey.get(sourceKey(l.source)) ?? []), l]);
    expect([...byKey.values()].every((ls) => ls.length === 1)).toBe(true);
    expect(byKey.get(sourceKey(sources[0]!))![0]!.trueCiqId).toBeNull();
    expect(byKey.get(sourceKey(sources[1]!))![0]!.trueCiqId).toBe(reference[7]!.ciq_id);
    expect(
      stats.identifierMatches + stats.confidentMatches + stats.confidentNone + stats.labelledByPeople,
    ).toBe(labels.length);
    // Some are confident, many are not: the uncertain ones are left out.
    expect(stats.confidentMatches).toBeGreaterThan(0);
    expect(labels.length).toBeLessThan(sources.length);

    const scorer = new GbdtPairScorer(first.artifact, first.modelVersion);
    let checked = 0;
    for (const l of labels.slice(0, -people.length)) {
      const list = candidatePairs(l.source, retriever.retrieveOne(l.source, 10), ctx.identifiers, 10);
      const byIdentifier = list.filter((p) =>
        (p.candidate.channels ?? []).some((c) => c === 'lei' || c === 'isin' || c === 'cusip'),
      );
      if (byIdentifier.length === 1) {
        expect(l.trueCiqId).toBe(byIdentifier[0]!.candidate.entity.ciq_id);
        expect(
          nameSimilarity(l.source.company_name ?? '', byIdentifier[0]!.candidate.entity.company_name ?? ''),
        ).toBeGreaterThanOrEqual(0.5);
        continue;
      }
      const p = list.map((pair) => scorer.probability(pair));
      const ranked = [...p].sort((a, b) => b - a);
      if (l.trueCiqId === null) expect(ranked[0] ?? 0).toBeLessThanOrEqual(SELF_TRAINING_NONE);
      else {
        expect(p[list.findIndex((x) => x.candidate.entity.ciq_id === l.trueCiqId)]).toBe(ranked[0]);
        expect(ranked[0]).toBeGreaterThanOrEqual(SELF_TRAINING_MATCH);
        expect(ranked[1] ?? 0).toBeLessThan(SELF_TRAINING_RUNNER_UP);
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("em train self-trains only with people's labels, and says what it rests on", async () => {
    const engine = fixture.engine();
    const query = (sql: string) => engine.query(sql);
    const reference = await readReferenceRows(query);
    const sources = (await readSourceRows(query)).slice(0, 400);
    const answers = sources.slice(0, 20).map((source, i) => ({
      source,
      ciq_id: i % 4 === 0 ? null : reference[i]!.ciq_id,
      decided_at: '2026-12-08T00:00:00Z',
      decided_by: 'ana',
    }));
    const trained = trainLocalModel(db, reference, { ...fast, sources, reviewLabels: answers });
    expect(trained.training.source).toBe('self-trained');
    expect(trained.training.selfTraining).toMatchObject({ sourcesRead: 400, labelledByPeople: 20 });
    expect(trained.training.review).toMatchObject({ sources: 20, matches: 15 });
    expect(trained.artifact.trust?.validatedOnLabels).toBe(true);
    expect(trained.artifact.trust?.basis).toMatch(/confident decisions of the self-supervised model/);
  });
});
