/** The page's only stylesheet, inline: the report opens offline. */
export const STYLES = `
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1f2933;background:#f5f7fa}
main{max-width:1180px;margin:0 auto;padding:28px 24px 48px}
h1{font-size:22px;margin:0 0 4px}
h2{font-size:16px;margin:32px 0 10px;color:#243b53}
.sub{color:#627d98;margin:0 0 18px}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(165px,1fr));gap:12px}
.card{background:#fff;border:1px solid #e4e7eb;border-radius:8px;padding:12px 14px}
.card .k{font-size:12px;color:#627d98;text-transform:uppercase;letter-spacing:.04em}
.card .v{font-size:22px;white-space:nowrap;font-weight:600;margin-top:2px;font-variant-numeric:tabular-nums}
.card .n{font-size:12px;color:#829ab1}
.charts{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:16px;align-items:start}
@media (max-width:1000px){.charts{grid-template-columns:1fr}}
figure{margin:0;background:#fff;border:1px solid #e4e7eb;border-radius:8px;padding:12px}
figcaption{font-weight:600;margin-bottom:6px;color:#243b53}
svg{display:block;max-width:100%;height:auto;font-family:inherit}
svg .tick{font-size:11px;fill:#627d98}
svg .axis{font-size:12px;fill:#334e68}
svg .label{font-size:12px;fill:#1f2933}
svg .panel-label,svg .mark-label{font-size:12px;font-weight:600}
table{border-collapse:collapse;width:100%;background:#fff;border:1px solid #e4e7eb;border-radius:8px;font-variant-numeric:tabular-nums}
th,td{padding:6px 10px;border-bottom:1px solid #eef2f6;text-align:right;vertical-align:top}
th{background:#f0f4f8;font-weight:600;color:#334e68;font-size:12px}
th:first-child,td:first-child{text-align:left}
td.text,th.text{text-align:left}
.gate-fail{color:#c0392b;font-weight:600}.gate-pass{color:#2a9d8f;font-weight:600}
.errors td{font-size:12.5px}
.errors td:nth-child(2){min-width:150px}.errors td:nth-child(7){min-width:280px}.errors td:nth-child(8){min-width:180px}
.n{color:#829ab1;font-size:11.5px}
.cands{margin:0;padding-left:18px;text-align:left}
.cands li.truth{color:#2a9d8f;font-weight:600}
.cands li.pred{color:#c0392b}
.kind{display:inline-block;white-space:nowrap;margin-top:2px;padding:1px 6px;border-radius:10px;background:#fde2d8;color:#9b2c10;font-size:11px}
.reason{color:#486581;max-width:260px}
.keys{font-family:ui-monospace,Menlo,monospace;font-size:12px;color:#486581;word-break:break-all}
footer{margin-top:36px;color:#829ab1;font-size:12px}
`;
