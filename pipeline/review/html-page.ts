/**
 * The self-contained HTML review page: inline CSS and JS, no network, works from
 * file://. All document text travels as JSON in a <script type="application/json">
 * (with "<" escaped) and is put on the page with textContent only.
 */
import type { NoticeDocument } from '../schema.ts';
import { CLIENT_SCRIPT } from './html-client.ts';
import { PAGE_STYLE } from './html-style.ts';
import type { Crops } from './crops.ts';
import { changesOf, hanContext, type ChangeFilter } from './text-model.ts';

export interface PageDoc {
  name: string;
  doc: NoticeDocument;
  crops: Crops;
}

export interface ClientChange {
  id: string;
  type: 'correction' | 'suggestion';
  kind: string;
  before: string;
  after: string;
  start: number;
  end: number;
  rule: string;
  confidence: number;
  page: number | null;
  note: string | null;
  context: { left: string; right: string };
  crop: string | null;
}

export interface ClientDoc {
  name: string;
  file: string;
  sha256: string;
  text: string;
  cropsNote: string | null;
  changes: ClientChange[];
}

export function clientData(d: PageDoc): ClientDoc {
  return {
    name: d.name,
    file: d.doc.source.file,
    sha256: d.doc.source.sha256,
    text: d.doc.text,
    cropsNote: d.crops.reason ?? null,
    changes: changesOf(d.doc).map((ch) => ({
      id: ch.c.id,
      type: ch.type,
      kind: ch.c.kind,
      before: ch.c.before,
      after: ch.c.after,
      start: ch.c.text.start,
      end: ch.c.text.end,
      rule: ch.c.rule,
      confidence: ch.c.confidence,
      page: ch.c.page ?? null,
      note: ch.c.note ?? null,
      context: hanContext(d.doc, ch),
      crop: d.crops.images[ch.c.id] ?? null,
    })),
  };
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON safe inside <script>: no "</script>", no "<!--", no JS line separators. */
export function scriptJson(v: unknown): string {
  return JSON.stringify(v).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** `filter` (from the command line) sets the page's initial filters; the first rule/kind only. */
export function buildReviewPage(docs: PageDoc[], filter: ChangeFilter = {}): string {
  const data = { docs: docs.map(clientData), filter };
  const title = docs.length === 1 ? `Review: ${docs[0].name}` : `Review: ${docs.length} documents`;
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data: blob:; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<header>
  <label>Document <select id="doc-select"></select></label>
  <label>Rule <select id="filter-rule"><option value="">all</option></select></label>
  <label>Kind <select id="filter-kind"><option value="">all</option><option>correction</option><option>suggestion</option><option>character</option><option>punctuation</option><option>script</option><option>rule</option></select></label>
  <label>Confidence <input id="filter-min" type="number" min="0" max="1" step="0.05" value="0"> – <input id="filter-max" type="number" min="0" max="1" step="0.05" value="1"></label>
  <span id="counter" aria-live="polite"></span>
  <button id="export" type="button">Export decisions</button>
  <a id="download" download="decisions.json" hidden>decisions.json</a>
</header>
<main>
  <section id="text" aria-label="Corrected text"></section>
  <aside id="panel">
    <p class="keys">j/k or ↓/↑: next/previous · a: accept · r: reject · u: undo</p>
    <div id="detail"><p>Select a highlighted change.</p></div>
    <div class="buttons"><button id="accept" type="button">Accept (a)</button><button id="reject" type="button">Reject (r)</button><button id="undo" type="button">Undo (u)</button></div>
    <p id="crops-note"></p>
    <label for="decisions-json">Decisions JSON</label>
    <textarea id="decisions-json" rows="10" readonly></textarea>
  </aside>
</main>
<script type="application/json" id="data">${scriptJson(data)}</script>
<script>${CLIENT_SCRIPT}</script>
</body>
</html>
`;
}
