/** The console's whole stylesheet (served as /assets/console.css). */
export const CONSOLE_CSS = `
:root { --fg:#1d2433; --muted:#5b6475; --line:#d9dee7; --bg:#f6f7f9; --card:#fff; --accent:#2458d6;
  --good:#17813d; --bad:#c4302b; --warn:#b26a00; --agree:#e3f5e8; --conflict:#fde4e2; }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color:var(--fg); background:var(--bg); }
header.top { display:flex; gap:18px; align-items:center; padding:10px 20px; background:#1d2433; color:#fff; }
header.top a { color:#cfd8ea; text-decoration:none; } header.top a.on { color:#fff; font-weight:600; }
header.top .db { margin-left:auto; color:#9aa6bd; font-size:12px; }
main { padding:16px 20px 40px; max-width:1400px; }
h1 { font-size:20px; margin:4px 0 12px; } h2 { font-size:16px; margin:18px 0 8px; }
.card { background:var(--card); border:1px solid var(--line); border-radius:6px; padding:12px 14px; margin-bottom:14px; }
table { border-collapse:collapse; width:100%; background:var(--card); }
th, td { text-align:left; padding:5px 8px; border-bottom:1px solid var(--line); vertical-align:top; }
th { font-weight:600; color:var(--muted); font-size:12px; text-transform:uppercase; letter-spacing:.03em; }
td.num, th.num { text-align:right; font-variant-numeric:tabular-nums; }
tr.sel { outline:2px solid var(--accent); outline-offset:-2px; background:#eef3ff; }
.agree { background:var(--agree); } .conflict { background:var(--conflict); }
.muted { color:var(--muted); } .small { font-size:12px; }
.pill { display:inline-block; padding:1px 7px; border-radius:10px; font-size:12px; background:#e8ebf1; }
.pill.firing { background:var(--bad); color:#fff; } .pill.ok { background:var(--agree); color:var(--good); }
.pill.no_data, .pill.disabled { background:#eee; color:var(--muted); }
.flash { padding:8px 12px; border-radius:6px; margin-bottom:12px; background:#eef3ff; border:1px solid #c9d6f5; }
.flash.error { background:var(--conflict); border-color:#f1b5b0; }
form.inline { display:inline; } button { font:inherit; padding:3px 10px; border:1px solid var(--line); border-radius:4px; background:#fff; cursor:pointer; }
button.primary { background:var(--accent); color:#fff; border-color:var(--accent); }
kbd { color:var(--fg); font:12px ui-monospace, monospace; border:1px solid var(--line); border-bottom-width:2px; border-radius:3px; padding:0 4px; background:#fff; }
.filters { display:flex; gap:10px; flex-wrap:wrap; align-items:end; margin-bottom:12px; }
.filters label { display:flex; flex-direction:column; font-size:12px; color:var(--muted); }
input, select { font:inherit; padding:3px 6px; border:1px solid var(--line); border-radius:4px; }
.grid { margin-top:14px; display:grid; grid-template-columns:repeat(auto-fit, minmax(520px, 1fr)); gap:14px; }
.big { font-size:28px; font-weight:600; }
.stats { display:flex; gap:28px; flex-wrap:wrap; }
svg { display:block; max-width:100%; height:auto; }
svg text { font:11px system-ui, sans-serif; fill:#444; }
pre.reasoning { white-space:pre-wrap; font:13px/1.4 system-ui, sans-serif; margin:0; }
`;

/**
 * The console's only script (served as /assets/console.js): keyboard shortcuts. On a case page
 * 1–9 choose a candidate, a accepts the suggestion, n says no match, s skips, u undoes; on the
 * queue j/k (or arrows) move and Enter opens. Keys do nothing while typing in a field.
 */
export const CONSOLE_JS = `
(function () {
  function typing(e) { var t = e.target; return t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT'); }
  function submit(id) { var f = document.getElementById(id); if (f) { f.submit(); return true; } return false; }
  document.addEventListener('keydown', function (e) {
    if (typing(e) || e.ctrlKey || e.metaKey || e.altKey) return;
    var body = document.body;
    if (body.dataset.page === 'case') {
      if (/^[1-9]$/.test(e.key) && submit('choose-' + e.key)) return e.preventDefault();
      if (e.key === 'a' && submit('accept')) return e.preventDefault();
      if (e.key === 'n' && submit('no-match')) return e.preventDefault();
      if (e.key === 'u' && (submit('undo-last') || submit('undo'))) return e.preventDefault();
      if (e.key === 's') { var next = document.getElementById('skip'); if (next) { location.href = next.getAttribute('href'); e.preventDefault(); } return; }
      if (e.key === '/') { var q = document.getElementById('search-q'); if (q) { q.focus(); e.preventDefault(); } }
    }
    if (body.dataset.page === 'queue' && e.key === 'u' && submit('undo-last')) return e.preventDefault();
    if (body.dataset.page === 'queue') {
      var rows = Array.prototype.slice.call(document.querySelectorAll('tr[data-href]'));
      if (!rows.length) return;
      var at = rows.findIndex(function (r) { return r.classList.contains('sel'); });
      var move = function (i) { if (at >= 0) rows[at].classList.remove('sel'); rows[i].classList.add('sel'); rows[i].scrollIntoView({ block: 'nearest' }); };
      if (e.key === 'j' || e.key === 'ArrowDown') { move(Math.min(rows.length - 1, at + 1)); e.preventDefault(); }
      if (e.key === 'k' || e.key === 'ArrowUp') { move(Math.max(0, at - 1)); e.preventDefault(); }
      if (e.key === 'Enter') { location.href = rows[Math.max(0, at)].getAttribute('data-href'); e.preventDefault(); }
    }
  });
})();
`;
