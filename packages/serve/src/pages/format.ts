export const percent = (v: number | null | undefined, digits = 1): string =>
  v === null || v === undefined || !Number.isFinite(v) ? '–' : `${(v * 100).toFixed(digits)}%`;

export const score = (v: number | null | undefined): string =>
  v === null || v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(3);

export const money = (v: number | null | undefined): string =>
  v === null || v === undefined || !Number.isFinite(v) ? '–' : `$${v < 0.01 ? v.toFixed(5) : v.toFixed(4)}`;

export const count = (v: number | null | undefined): string =>
  v === null || v === undefined ? '–' : Math.round(v).toLocaleString('en-US');

export const ms = (v: number | null | undefined): string =>
  v === null || v === undefined || !Number.isFinite(v) ? '–' : `${v < 10 ? v.toFixed(2) : v.toFixed(0)} ms`;

/** The path of a case page (ids may hold any character). */
export const caseHref = (c: { source_system: string; source_id: string }, query = ''): string =>
  `/case/${encodeURIComponent(c.source_system)}/${encodeURIComponent(c.source_id)}${query}`;
