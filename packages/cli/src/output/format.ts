import { jsonReplacer } from '@em/cli-kit';
/** Number formatting shared by every command: one place decides how numbers look. */

/** Plain number from what a driver returns (DuckDB counts arrive as bigint). */
export function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return Number.NaN;
}

export function isNumeric(value: unknown): boolean {
  return typeof value === 'bigint' || (typeof value === 'number' && Number.isFinite(value));
}

/** 12345 → "12,345"; fractions keep up to 3 decimals. */
export function formatCount(value: unknown): string {
  const n = toNumber(value);
  if (!Number.isFinite(n)) return '–';
  return n.toLocaleString('en-US', { maximumFractionDigits: 3 });
}

/** 0.9345 → "93.5%" (one decimal). */
export function formatPercent(ratio: unknown): string {
  const n = toNumber(ratio);
  if (!Number.isFinite(n)) return '–';
  return `${(n * 100).toFixed(1)}%`;
}

/**
 * An estimated precision, rounded down to 0.1%: it never reads higher than the estimate, and
 * 100.0% means exactly 1 (an estimate of 0.9996 is 99.9%, where formatPercent would say 100.0%).
 */
export function formatEstimate(ratio: unknown): string {
  const n = toNumber(ratio);
  if (!Number.isFinite(n)) return '–';
  return `${(Math.floor(n * 1000 + 1e-9) / 10).toFixed(1)}%`;
}

/** Money in USD: 4 decimals from one cent up, 6 below (per-entity costs are tiny). */
export function formatMoney(usd: unknown): string {
  const n = toNumber(usd);
  if (!Number.isFinite(n)) return '–';
  const decimals = Math.abs(n) >= 0.01 || n === 0 ? 4 : 6;
  return `$${n.toFixed(decimals)}`;
}

/** A probability or score: 3 decimals. */
export function formatScore(value: unknown): string {
  const n = toNumber(value);
  if (!Number.isFinite(n)) return '–';
  return n.toFixed(3);
}

/** 1234 ms → "1.23 s"; 95 000 ms → "1 min 35 s". */
export function formatDuration(ms: unknown): string {
  const n = toNumber(ms);
  if (!Number.isFinite(n)) return '–';
  if (n < 1000) return `${Math.round(n)} ms`;
  if (n < 60_000) return `${(n / 1000).toFixed(2)} s`;
  const minutes = Math.floor(n / 60_000);
  return `${minutes} min ${Math.round((n - minutes * 60_000) / 1000)} s`;
}

/** Any cell value as text: dates as ISO, objects as JSON, null as empty. */
export function formatCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'bigint') return formatCount(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value, jsonReplacer);
  return String(value);
}
