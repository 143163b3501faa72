/** Escape text for HTML and SVG. */
export const esc = (text: unknown): string =>
  String(text ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');

export const COLORS = {
  ink: '#1f2933',
  muted: '#627d98',
  grid: '#e4e7eb',
  correct: '#2a9d8f',
  incorrect: '#e76f51',
  auto: '#264653',
  review: '#e9c46a',
  passed: '#d9e2ec',
  accent: '#7c3aed',
};

export const WIDTH = 560;
export const HEIGHT = 320;

/** A linear map from a domain to a range. */
export function scale([d0, d1]: readonly [number, number], [r0, r1]: readonly [number, number]) {
  const span = d1 - d0 || 1;
  return (v: number): number => r0 + ((v - d0) / span) * (r1 - r0);
}

/** About `count` round tick values covering [lo, hi]. */
export function ticks(lo: number, hi: number, count = 5): number[] {
  const span = hi - lo || 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => span / s <= count) ?? power * 10;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toFixed(10)));
  return out;
}

/** The opening tag every chart shares: a stable id, data-chart, a size and an accessible title. */
export function svgOpen(chart: string, title: string, width = WIDTH, height = HEIGHT): string {
  return (
    `<svg id="chart-${chart}" data-chart="${chart}" xmlns="http://www.w3.org/2000/svg" role="img" ` +
    `width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" aria-label="${esc(title)}">` +
    `<title>${esc(title)}</title>`
  );
}

export function text(x: number, y: number, content: string, attrs = ''): string {
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" ${attrs}>${esc(content)}</text>`;
}

/** A chart with nothing to draw still renders at full size, with the reason in the middle. */
export function emptyChart(chart: string, title: string, reason: string): string {
  return `${svgOpen(chart, title)}<rect x="0.5" y="0.5" width="${WIDTH - 1}" height="${HEIGHT - 1}" fill="#f8fafc" stroke="${COLORS.grid}"/>${text(WIDTH / 2, HEIGHT / 2, reason, `text-anchor="middle" fill="${COLORS.muted}"`)}</svg>`;
}

export const fmtPct = (v: number, digits = 1): string => `${(v * 100).toFixed(digits)}%`;
export const fmtInt = (v: number): string => v.toLocaleString('en-US');

/** A threshold as people read it: at most 4 decimals. */
export const fmtThreshold = (v: number): string => String(Number(v.toFixed(4)));
