import { alertRules, evaluateAlerts } from '@em/core/alerts';
import type { Context, Hono } from 'hono';
import type { ConsoleContext } from './console-context.js';
import type { ConsoleEnv } from './console-env.js';
import type { SafeHtml } from './html/html.js';
import { layout, type PageFrame } from './html/layout.js';
import { HttpError } from './http-errors.js';
import { explainCandidate } from './match/explain-case.js';
import { auditPage } from './pages/audit-page.js';
import { casePage } from './pages/case-page.js';
import { dashboardPage } from './pages/dashboard-page.js';
import { caseHref } from './pages/format.js';
import { queuePage } from './pages/queue-page.js';
import { parseQueueView, queueFilter, sortQueue, viewQuery } from './pages/queue-view.js';
import { csrfToken } from './security/access.js';
import { setFlash, takeFlash } from './security/flash.js';

/** The HTML pages: queue, case (decide, undo, search, explain), dashboard, audit. */
export function registerPages(app: Hono<ConsoleEnv>, ctx: ConsoleContext): void {
  const page = (c: Context<ConsoleEnv>, frame: Pick<PageFrame, 'title' | 'page'>, body: SafeHtml) => {
    const user = c.get('identity').user;
    return c.html(
      layout(
        {
          ...frame,
          store: ctx.store.label,
          user,
          csrf: csrfToken(ctx.policy, user),
          flash: takeFlash(c, ctx.policy.secret),
        },
        body,
      ).text,
    );
  };

  app.get('/', (c) => c.redirect('/queue'));

  app.get('/queue', async (c) => {
    const view = parseQueueView(c.req.query());
    const [items, facets] = await ctx.store.session(
      async (s) => [await s.queue(queueFilter(view)), await s.facets()] as const,
    );
    return page(
      c,
      { title: 'Review queue', page: 'queue' },
      queuePage(view, sortQueue(items, view.sort), items.length, facets),
    );
  });

  app.get('/case/:system/:id', async (c) => {
    const key = { source_system: c.req.param('system'), source_id: c.req.param('id') };
    const query = c.req.query();
    const view = parseQueueView(query);
    const q = viewQuery(view);
    const text = query.q?.trim().slice(0, 200) ?? '';
    const { theCase, queue, search } = await ctx.store.session(async (s) => ({
      theCase: await s.reviewCase(key),
      queue: sortQueue(await s.queue(queueFilter(view)), view.sort),
      search: text ? { query: text, hits: await s.searchReference(text, 25) } : null,
    }));
    const at = queue.findIndex((i) => i.source_id === key.source_id && i.source_system === key.source_system);
    const next = queue.find((_, i) => i > at) ?? (at < 0 ? queue[0] : undefined) ?? null;
    if (ctx.matcher) await ctx.matcher.ready();
    const model = ctx.matcher?.model ?? null;
    const explainId = query.explain ?? theCase.suggested_ciq_id ?? theCase.candidates[0]?.ciq_id ?? null;
    const modelNote = !ctx.matcher
      ? 'Pair-score explanations need the local pair model; this console reads Databricks tables.'
      : !model
        ? 'No trained pair model lies beside the database (run `em train`), so there is no pair score to explain.'
        : null;
    return page(
      c,
      { title: `${key.source_system}/${key.source_id}`, page: 'case' },
      casePage({
        c: theCase,
        csrf: csrfToken(ctx.policy, c.get('identity').user),
        viewQuery: q,
        next,
        search,
        explained:
          model && explainId
            ? { ciq_id: explainId, explanation: explainCandidate(model, theCase, explainId) }
            : null,
        modelNote,
      }),
    );
  });

  app.post('/case/:system/:id/decide', async (c) => {
    const key = { source_system: c.req.param('system'), source_id: c.req.param('id') };
    const form = c.get('form');
    const ciqId = typeof form.ciq_id === 'string' && form.ciq_id !== '' ? form.ciq_id : null;
    const view = parseQueueView(Object.fromEntries(new URLSearchParams(String(form.view ?? ''))));
    const { record, next } = await ctx.store.session(
      async (s) => {
        // A pick from the page's reference search may be outside the candidates: allowed, and
        // recorded as "chosen outside the candidates" in the audit note.
        const record = await s.decide({
          ...key,
          ciq_id: ciqId,
          decidedBy: c.get('identity').user,
          allowNonCandidate: true,
        });
        const [next] = sortQueue(await s.queue(queueFilter(view)), view.sort);
        return { record, next };
      },
      { write: true },
    );
    setFlash(c, ctx.policy.secret, {
      text: `Decided ${key.source_system}/${key.source_id}: ${record.after_ciq_id ? `${record.after_company_name ?? ''} (${record.after_ciq_id})` : 'no match'}.`,
      undo: key,
    });
    return c.redirect(next ? caseHref(next, viewQuery(view)) : `/queue${viewQuery(view)}`, 303);
  });

  app.post('/case/:system/:id/undo', async (c) => {
    const key = { source_system: c.req.param('system'), source_id: c.req.param('id') };
    const record = await ctx.store.undo({ ...key, decidedBy: c.get('identity').user });
    setFlash(c, ctx.policy.secret, {
      text: `Undid the decision on ${key.source_system}/${key.source_id}; it is back to ${record.after_ciq_id ?? 'no match'} as the machine decided.`,
    });
    const view = String(c.get('form').view ?? '');
    return c.redirect(caseHref(key, view.startsWith('?') ? view : ''), 303);
  });

  app.get('/audit', async (c) =>
    page(c, { title: 'Audit', page: 'audit' }, auditPage(await ctx.store.audit(500))),
  );

  app.get('/dashboard', async (c) => {
    const figures = await ctx.store.monitoring();
    const alerts = evaluateAlerts(alertRules(ctx.config.alerts), figures.alertMetrics);
    return page(c, { title: 'Dashboard', page: 'dashboard' }, dashboardPage(figures, alerts));
  });

  app.get('/healthz', (c) => c.json({ ok: true }));
  app.all('/case/*', () => {
    throw new HttpError(404, 'No such page.');
  });
}
