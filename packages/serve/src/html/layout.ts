import type { Flash } from '../security/flash.js';
import { html, type SafeHtml } from './html.js';

export interface PageFrame {
  readonly title: string;
  /** data-page on <body>: which keyboard shortcuts apply. */
  readonly page: 'queue' | 'case' | 'dashboard' | 'audit' | 'login' | 'error';
  readonly store: string;
  readonly user: string | null;
  readonly csrf: string | null;
  readonly flash?: Flash | null;
  /** Seconds after which the page reloads itself (a busy database). */
  readonly refresh?: number;
}

const NAV = [
  ['queue', '/queue', 'Review queue'],
  ['dashboard', '/dashboard', 'Dashboard'],
  ['audit', '/audit', 'Audit'],
] as const;

export function layout(frame: PageFrame, body: SafeHtml): SafeHtml {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${frame.title} · em console</title>
${frame.csrf ? html`<meta name="csrf-token" content="${frame.csrf}">` : ''}
${frame.refresh ? html`<meta http-equiv="refresh" content="${frame.refresh}">` : ''}
<link rel="stylesheet" href="/assets/console.css"><script src="/assets/console.js" defer></script></head>
<body data-page="${frame.page}">
<header class="top"><strong>em</strong>
${frame.page === 'login' ? '' : NAV.map(([page, href, label]) => html`<a href="${href}" class="${frame.page === page ? 'on' : ''}">${label}</a>`)}
<span class="db">${frame.store}${frame.user ? html` · ${frame.user}` : ''}</span></header>
<main>
${frame.flash ? flashBox(frame.flash, frame.csrf) : ''}
${body}
</main></body></html>`;
}

/** A hidden CSRF field for forms that write. */
export const csrfField = (csrf: string | null): SafeHtml =>
  csrf ? html`<input type="hidden" name="_csrf" value="${csrf}">` : html``;

function flashBox(flash: Flash, csrf: string | null): SafeHtml {
  const undo = flash.undo
    ? html` <form class="inline" id="undo-last" method="post" action="/case/${encodeURIComponent(flash.undo.source_system)}/${encodeURIComponent(flash.undo.source_id)}/undo">${csrfField(csrf)}<input type="hidden" name="back" value="1"><button type="submit"><kbd>u</kbd> Undo</button></form>`
    : '';
  return html`<div class="flash${flash.error ? ' error' : ''}" role="status" id="flash">${flash.text}${undo}</div>`;
}
