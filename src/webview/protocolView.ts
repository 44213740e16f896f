/**
 * The Protocol view's page script (a browser bundle, `dist/protocolView.js`; see
 * scripts/bundles.mjs): it draws the rows the host sends (newest first), keeps them current from
 * the host's batched updates, and sends the filter, expand, "Copy as CLI command" and clear back.
 * Keyboard: Tab reaches the toolbar and the list; in the list Up/Down/Home/End move between rows
 * and Enter or Space expands one. Server text is only ever set as `textContent`, never as HTML.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import type { ProtocolFilter } from '../core/protocol/filter';
import type { HostMessage, ProtocolRow, ViewMessage } from '../core/protocol/viewModel';

declare function acquireVsCodeApi(): { postMessage(m: ViewMessage): void };

/** As `MAX_ROWS` in protocolPanel.ts: the page keeps at most this many rows. */
const MAX_ROWS = 5000;
/** Typing in the filter is sent after this pause, milliseconds. */
const TYPING_MS = 150;

const vscode = acquireVsCodeApi();
const list = document.getElementById('list')!;
const counts = document.getElementById('counts')!;
const text = document.getElementById('text') as HTMLElement & { value: string };
const direction = document.getElementById('direction') as HTMLElement & { value: string };
const errors = document.getElementById('errors') as HTMLElement & { checked: boolean };
const clear = document.getElementById('clear')!;

let rows: ProtocolRow[] = [];
const els = new Map<number, HTMLElement>();
const details = new Map<number, { json: string; note?: string }>();
const open = new Set<number>();
let server = '';
let kept = 0;
let dropped = 0;
let first = true;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, textContent?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (textContent !== undefined) e.textContent = textContent;
  return e;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const clock = (t: number) => {
  const d = new Date(t);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
};
const bytes = (n: number) => (n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1024 / 1024).toFixed(1)} MiB`);
const duration = (r: ProtocolRow) => {
  if (r.durationMs !== undefined) return r.durationMs < 1000 ? `${r.durationMs} ms` : `${(r.durationMs / 1000).toFixed(2)} s`;
  if (r.cancelled) return 'cancelled';
  return r.kind === 'request' ? '…' : '';
};

/** One row: a button that expands, and (when open) its JSON. */
function rowEl(r: ProtocolRow): HTMLElement {
  const row = el('div', 'row');
  row.setAttribute('role', 'listitem');
  row.dataset.seq = String(r.seq);
  const sum = el('button', 'sum');
  sum.type = 'button';
  sum.tabIndex = -1;
  sum.setAttribute('aria-expanded', String(open.has(r.seq)));
  const arrow = r.direction === 'sent' ? '→' : '←';
  const what = `${r.direction} ${r.kind}${r.method ? ` ${r.method}` : ''}${r.id !== undefined ? ` id ${r.id}` : ''}`;
  sum.title = `${what}${r.error ? ` — ${r.error}` : ''}${r.durationMs !== undefined ? ` — ${r.durationMs} ms` : ''} — ${r.sizeBytes} bytes — session ${r.session}`;
  sum.setAttribute('aria-label', sum.title);
  sum.append(
    el('span', r.direction, arrow),
    el('span', 'time muted', clock(r.time)),
    el('span', `kind${r.error ? ' err' : ''}`, r.kind),
    el('span', r.error ? 'err' : '', `${r.method ?? '(unknown request)'}${r.error ? ` — ${r.error}` : ''}`),
    el('span', 'num muted', r.id !== undefined ? `#${r.id}` : ''),
    el('span', 'num', duration(r)),
    el('span', 'num muted', bytes(r.sizeBytes)),
  );
  row.append(sum);
  if (open.has(r.seq)) row.append(detailEl(r));
  return row;
}

function detailEl(r: ProtocolRow): HTMLElement {
  const box = el('div', 'detail');
  const actions = el('div', 'actions');
  if (r.cli) {
    const copy = el('vscode-button' as 'button');
    copy.textContent = 'Copy as CLI command';
    copy.addEventListener('click', () => vscode.postMessage({ type: 'copyCli', seq: r.seq }));
    actions.append(copy);
  }
  if (r.pair !== undefined) {
    const go = el('vscode-button' as 'button');
    go.setAttribute('secondary', '');
    go.textContent = r.kind === 'request' ? 'Go to response' : 'Go to request';
    go.addEventListener('click', () => focusSeq(r.pair!));
    actions.append(go);
  }
  if (actions.childElementCount) box.append(actions);
  const d = details.get(r.seq);
  box.append(el('pre', undefined, d ? d.json : 'Loading…'));
  if (d?.note) box.append(el('div', 'note', d.note));
  return box;
}

/** Replaces the element of a row (after it changed, was expanded, or got its JSON). */
function redraw(r: ProtocolRow): void {
  const old = els.get(r.seq);
  if (!old) return;
  const focused = old.contains(document.activeElement);
  const fresh = rowEl(r);
  old.replaceWith(fresh);
  els.set(r.seq, fresh);
  if (focused) focusRow(fresh);
}

function renderAll(): void {
  const focusedSeq = Number((document.activeElement?.closest('.row') as HTMLElement | null)?.dataset.seq ?? NaN);
  list.replaceChildren();
  els.clear();
  for (const r of rows) {
    const e = rowEl(r);
    els.set(r.seq, e);
    list.append(e);
  }
  if (!rows.length) list.append(el('div', 'empty', kept ? 'No message matches the filter.' : `No JSON-RPC message from ${server || 'this server'} yet: start it, or call a tool.`));
  const target = els.get(focusedSeq) ?? list.querySelector<HTMLElement>('.row');
  if (target) setTabStop(target);
  if (!Number.isNaN(focusedSeq) && els.has(focusedSeq)) focusRow(els.get(focusedSeq)!);
  done();
}

function done(): void {
  counts.textContent = `${rows.length.toLocaleString('en-US')} shown · ${kept.toLocaleString('en-US')} kept${dropped ? ` · ${dropped.toLocaleString('en-US')} dropped` : ''}`;
  vscode.postMessage({ type: 'rendered', rows: rows.length });
}

/** Only one row is in the Tab order (the last focused); arrows move within the list. */
function setTabStop(row: HTMLElement): void {
  list.querySelectorAll<HTMLElement>('.sum[tabindex="0"]').forEach((b) => (b.tabIndex = -1));
  const b = row.querySelector<HTMLElement>('.sum');
  if (b) b.tabIndex = 0;
}

function focusRow(row: HTMLElement): void {
  setTabStop(row);
  row.querySelector<HTMLElement>('.sum')?.focus();
}

function focusSeq(seq: number): void {
  const row = els.get(seq);
  if (row) {
    focusRow(row);
    row.scrollIntoView({ block: 'nearest' });
  }
}

function toggle(seq: number): void {
  const r = rows.find((x) => x.seq === seq);
  if (!r) return;
  if (open.has(seq)) open.delete(seq);
  else {
    open.add(seq);
    if (!details.has(seq)) vscode.postMessage({ type: 'expand', seq });
  }
  redraw(r);
}

list.addEventListener('click', (e) => {
  const sum = (e.target as HTMLElement).closest('.sum');
  const row = sum?.closest<HTMLElement>('.row');
  if (row) toggle(Number(row.dataset.seq));
});

list.addEventListener('keydown', (e) => {
  const row = (e.target as HTMLElement).closest<HTMLElement>('.row');
  if (!row || !(e.target as HTMLElement).classList.contains('sum')) return;
  const all = Array.from(list.querySelectorAll<HTMLElement>('.row'));
  const i = all.indexOf(row);
  const to = e.key === 'ArrowDown' ? all[i + 1] : e.key === 'ArrowUp' ? all[i - 1] : e.key === 'Home' ? all[0] : e.key === 'End' ? all[all.length - 1] : undefined;
  if (!to) return;
  e.preventDefault();
  focusRow(to);
  to.scrollIntoView({ block: 'nearest' });
});

function currentFilter(): ProtocolFilter {
  return { text: text.value ?? '', direction: (direction.value || 'all') as ProtocolFilter['direction'], errorsOnly: !!errors.checked };
}
let typing: ReturnType<typeof setTimeout> | undefined;
const sendFilter = () => vscode.postMessage({ type: 'filter', filter: currentFilter() });
text.addEventListener('input', () => {
  clearTimeout(typing);
  typing = setTimeout(sendFilter, TYPING_MS);
});
direction.addEventListener('change', sendFilter);
errors.addEventListener('change', sendFilter);
clear.addEventListener('click', () => vscode.postMessage({ type: 'clear' }));

window.addEventListener('message', (e: MessageEvent<HostMessage>) => {
  const m = e.data;
  if (m.type === 'reset') {
    server = m.server;
    rows = m.rows.slice(0, MAX_ROWS);
    kept = m.kept;
    dropped = m.dropped;
    if (first) {
      first = false;
      text.value = m.filter.text;
      direction.value = m.filter.direction;
      errors.checked = m.filter.errorsOnly;
    }
    renderAll();
  } else if (m.type === 'update') {
    kept = m.kept;
    dropped = m.dropped;
    let full = !rows.length;
    for (const c of m.changed) {
      const i = rows.findIndex((r) => r.seq === c.seq);
      if (i >= 0) {
        rows[i] = c;
        redraw(c);
      } else {
        // it passes the filter now (e.g. "errors only" and its response failed): in its place
        rows.push(c);
        full = true;
      }
    }
    rows = [...m.added, ...rows];
    if (full) rows.sort((a, b) => b.seq - a.seq);
    const gone = rows.filter((r, i) => r.seq < m.firstSeq || i >= MAX_ROWS);
    rows = rows.filter((r, i) => r.seq >= m.firstSeq && i < MAX_ROWS);
    if (full) return renderAll();
    for (const r of gone) {
      els.get(r.seq)?.remove();
      els.delete(r.seq);
      details.delete(r.seq);
      open.delete(r.seq);
    }
    // newest first: the added rows go on top, in order
    const top = list.firstChild;
    for (const r of m.added) {
      const e = rowEl(r);
      els.set(r.seq, e);
      list.insertBefore(e, top);
    }
    if (!list.querySelector('.sum[tabindex="0"]')) {
      const firstRow = list.querySelector<HTMLElement>('.row');
      if (firstRow) setTabStop(firstRow);
    }
    done();
  } else if (m.type === 'detail') {
    details.set(m.seq, { json: m.json, note: m.note });
    const r = rows.find((x) => x.seq === m.seq);
    if (r) redraw(r);
  }
});

vscode.postMessage({ type: 'ready' });
