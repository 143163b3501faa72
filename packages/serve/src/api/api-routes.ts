import type { MatchResult, SourceEntity } from '@em/core';
import { alertRules, evaluateAlerts } from '@em/core/alerts';
import type { Context, Hono } from 'hono';
import type { z } from 'zod';
import type { ConsoleContext } from '../console-context.js';
import type { ConsoleEnv } from '../console-env.js';
import { HttpError, zodIssues } from '../http-errors.js';
import { explainPairOf } from '../match/explain-result.js';
import { parseQueueView, queueFilter, sortQueue } from '../pages/queue-view.js';
import { openApiDocument } from './openapi.js';
import { DecideRequest, MatchRequest, UndoRequestBody } from './schemas.js';

/** Parse a JSON body against a schema: malformed JSON or a failing field is a 400 naming each issue. */
async function body<S extends z.ZodType>(
  c: Context<ConsoleEnv>,
  schema: S,
  empty?: unknown,
): Promise<z.output<S>> {
  const type = c.req.header('content-type') ?? '';
  const text = await c.req.text();
  if (text.trim() === '' && empty !== undefined) return schema.parse(empty);
  if (!/^application\/json\b/i.test(type)) {
    throw new HttpError(415, 'Send the body as JSON with `Content-Type: application/json`.');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, `The body is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new HttpError(400, 'The body does not match the schema; see issues.', zodIssues(parsed.error));
  return parsed.data;
}

const caseKey = (c: Context) => ({ source_system: c.req.param('system')!, source_id: c.req.param('id')! });

/** The JSON API under /v1 and its OpenAPI document. */
export function registerApi(app: Hono<ConsoleEnv>, ctx: ConsoleContext): void {
  app.get('/openapi.json', (c) => c.json(openApiDocument(new URL(c.req.url).origin)));

  app.post('/v1/match', async (c) => {
    const started = performance.now();
    const request = await body(c, MatchRequest);
    if (!ctx.matcher)
      throw new HttpError(
        501,
        'Matching needs the embedded engine; on Databricks run `em run --engine databricks`.',
      );
    const given = request.records ?? [request.record!];
    const records: SourceEntity[] = given.map((r, i) => ({
      ...r,
      source_id: r.source_id ?? `request-${i + 1}`,
      source_system: r.source_system ?? 'api',
    }));
    const results = await ctx.matcher.match(records);
    const model = ctx.matcher.model;
    let stored: Awaited<ReturnType<NonNullable<typeof ctx.store.storeSources>>> | undefined;
    if (request.write) {
      if (!ctx.store.storeSources)
        throw new HttpError(501, 'This console cannot store records; use `em ingest source` and `em run`.');
      stored = await ctx.store.storeSources(records);
    }
    return c.json({
      results: results.map((r: MatchResult, i: number) => ({
        source_id: r.source_id,
        source_system: r.source_system,
        matched_ciq_id: r.matched_ciq_id,
        matched_company_name: r.matched_company_name,
        match_confidence: r.match_confidence,
        match_method: r.match_method,
        match_stage: r.match_stage,
        needs_review: r.needs_review,
        auto_matched: r.auto_matched,
        reasoning: r.reasoning,
        processing_time_ms: r.processing_time_ms,
        model_version: r.model_version,
        candidates: r.candidates,
        explanation:
          request.explain && model
            ? explainPairOf(model, records[i]!, r, (id) => ctx.matcher?.reference(id))
            : null,
      })),
      written: stored !== undefined,
      ...(stored ? { stored } : {}),
      ms: Math.round((performance.now() - started) * 100) / 100,
    });
  });

  app.get('/v1/gold/:system/:id', async (c) => {
    const row = await ctx.store.gold(caseKey(c));
    if (!row) throw new HttpError(404, `No gold row for ${c.req.param('system')}/${c.req.param('id')}.`);
    return c.json(row);
  });

  app.get('/v1/review/queue', async (c) => {
    const view = parseQueueView(c.req.query());
    const limit = Math.min(Math.max(Number(c.req.query('limit') ?? 100) || 100, 1), 5_000);
    const items = sortQueue(await ctx.store.queue(queueFilter(view)), view.sort);
    return c.json({ total: items.length, cases: items.slice(0, limit) });
  });

  app.get('/v1/review/:system/:id', async (c) => c.json(await ctx.store.reviewCase(caseKey(c))));

  app.post('/v1/review/:system/:id/decide', async (c) => {
    const request = await body(c, DecideRequest);
    const record = await ctx.store.decide({
      ...caseKey(c),
      ciq_id: request.ciq_id,
      decidedBy: c.get('identity').user,
      ...(request.note ? { note: request.note } : {}),
    });
    return c.json(record);
  });

  app.post('/v1/review/:system/:id/undo', async (c) => {
    const request = await body(c, UndoRequestBody, {});
    return c.json(
      await ctx.store.undo({
        ...caseKey(c),
        decidedBy: c.get('identity').user,
        ...(request.note ? { note: request.note } : {}),
      }),
    );
  });

  app.get('/v1/reference/search', async (c) => {
    const q = (c.req.query('q') ?? '').trim().slice(0, 200);
    if (q === '')
      throw new HttpError(400, 'Pass the search text as ?q=… (a name, ticker, LEI, ISIN or CUSIP).');
    return c.json({ query: q, hits: await ctx.store.searchReference(q, 25) });
  });

  app.get('/v1/alerts', async (c) => {
    const figures = await ctx.store.monitoring();
    const states = evaluateAlerts(alertRules(ctx.config.alerts), figures.alertMetrics);
    return c.json({
      day: figures.alertMetrics.day,
      firing: states.filter((s) => s.status === 'firing').length,
      alerts: states,
    });
  });
}
