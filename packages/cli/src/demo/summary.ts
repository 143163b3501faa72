import { funnelBars } from '../commands/run.js';
import { shellQuote } from '../common-options.js';
import { renderBarChart } from '../output/bar-chart.js';
import { formatCount, formatDuration, formatMoney, formatPercent } from '../output/format.js';
import { renderKeyValues, renderTable } from '../output/table.js';
import type { DemoState } from './demo-state.js';

/** Source rows: read = gold rows + quarantined, the reconciliation every run must pass. */
export function sourceReconciliation(state: DemoState) {
  const read = Number(state.source?.read ?? 0);
  const quarantined = Number(state.source?.quarantined ?? 0);
  const gold = Number(state.stats?.counts.total_gold ?? 0);
  return {
    read,
    loaded: Number(state.source?.loaded ?? 0),
    quarantined,
    gold,
    reconciled: gold + quarantined === read,
  };
}

export function describeDemo(state: DemoState, meta: { kept: boolean; durationMs: number }): string[] {
  const { options, run, evaluation } = state;
  const rows = sourceReconciliation(state);
  const lines = [
    `em demo: ${formatCount(options.referenceSize)} reference companies, ${formatCount(options.sourceSize)} source records, seed ${options.seed} (${formatDuration(meta.durationMs)})`,
    '',
    'Source rows',
    renderKeyValues([
      ['read', formatCount(rows.read)],
      ['loaded', formatCount(rows.loaded)],
      ['quarantined', formatCount(rows.quarantined)],
      ['in gold table', formatCount(rows.gold)],
    ]),
    rows.reconciled
      ? 'gold + quarantined = read ✓'
      : 'gold + quarantined ≠ read ✗ (rows were lost or duplicated)',
  ];
  if (run) {
    lines.push(
      '',
      'Stage funnel (which stage decided each record)',
      renderBarChart(funnelBars(run.byMethod)),
      '',
    );
    lines.push(
      renderKeyValues(
        [
          [
            'review queue',
            `${formatCount(run.inReview)} records (confidence < ${state.settings.config.autoMatchThreshold.toFixed(2)})`,
          ],
          ['cost per entity', formatMoney(run.costPerEntity)],
          ['throughput', `${formatCount(Math.round(run.entitiesPerSecond))} entities/s`],
        ],
        { align: 'left' },
      ),
    );
  }
  if (evaluation) {
    const views = [
      { view: 'all', ...evaluation.all },
      { view: 'auto', ...evaluation.auto },
    ];
    const pct = (key: 'precision' | 'recall' | 'f1' | 'accuracy' | 'auto_match_rate' | 'review_rate') => ({
      label: key === 'f1' ? 'F1' : key.replaceAll('_', ' '),
      value: (r: (typeof views)[number]) => r[key],
      format: formatPercent,
      align: 'right' as const,
    });
    lines.push(
      '',
      `Accuracy on the ${formatCount(evaluation.all.n)} held-out sources of gold.csv (the model trained on the other half;` +
        ` "auto" counts only matches with confidence ≥ ${state.settings.config.autoMatchThreshold.toFixed(2)})`,
      renderTable(views, [
        { label: 'view', value: (r) => r.view },
        pct('precision'),
        pct('recall'),
        pct('f1'),
        pct('accuracy'),
        pct('auto_match_rate'),
        pct('review_rate'),
        { label: 'TP', value: (r) => r.tp },
        { label: 'FP', value: (r) => r.fp },
        { label: 'FN', value: (r) => r.fn },
      ]),
    );
  }
  lines.push('', ...exploreHints(state, meta.kept));
  return lines;
}

function exploreHints(state: DemoState, kept: boolean): string[] {
  const db = shellQuote(state.dbPath);
  const commands = [
    `em stats --db ${db}`,
    `em review list --db ${db}`,
    `em export --out gold.csv --db ${db}`,
  ];
  if (!kept) {
    return [
      `The demo data was in a temporary folder and has been removed.`,
      'To explore it, run `em demo --keep` (or `em demo --dir ./em-demo`), then for example:',
      '  em stats --db DIR/em.duckdb',
      '  em review list --db DIR/em.duckdb',
    ];
  }
  return [
    `Data and database kept in ${state.dir}. Explore:`,
    ...commands.map((c) => `  ${c}`),
    '(from a clone of the repository, after npm ci: npx em <command>)',
  ];
}
