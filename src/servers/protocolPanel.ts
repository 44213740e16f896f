import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { recordCliCommand } from '../core/protocol/cliCommand';
import { filterNewestFirst, matches, NO_FILTER, type ProtocolFilter } from '../core/protocol/filter';
import type { MessageLog, MessageLogChange, MessageRecord } from '../core/protocol/messageLog';
import { detailOf, toRow, type HostMessage, type ProtocolRow, type ViewMessage } from '../core/protocol/viewModel';
import type { LiveServers } from './liveServers';
import { protocolHtml } from './protocolHtml';

/** Live updates are gathered for this long, milliseconds, and posted in one message. */
const BATCH_MS = 100;
/** At most this many rows are on the page (newest first); the filter finds older ones. */
export const MAX_ROWS = 5000;

/**
 * The Protocol views (webview panels): **one per server**, listing its JSON-RPC messages newest
 * first (direction, method, id, duration, size), filterable, each expandable to its masked JSON,
 * with "Copy as CLI command" for requests. The data is the server's `MessageLog` (core/protocol),
 * kept whether or not a view is open; an open view gets what changed every {@link BATCH_MS}.
 */
export class ProtocolPanels implements vscode.Disposable {
  private readonly views = new Map<string, ProtocolView>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly live: LiveServers, private readonly extensionUri: vscode.Uri) {
    this.subscription = live.onProtocolMessage((id, change) => this.views.get(id)?.changed(change));
  }

  /** Opens (or brings to the front) the server's view. @returns its view */
  show(serverId: string): ProtocolView {
    let view = this.views.get(serverId);
    if (view) {
      view.panel.reveal(undefined, false);
      return view;
    }
    const name = this.live.snapshot(serverId)?.definition.name ?? serverId;
    const dist = vscode.Uri.joinPath(this.extensionUri, 'dist');
    const panel = vscode.window.createWebviewPanel('mcpDevtools.protocol', `Protocol · ${name}`, vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [dist], retainContextWhenHidden: true });
    const created = new ProtocolView(serverId, name, panel, this.live);
    view = created;
    this.views.set(serverId, created);
    panel.onDidDispose(() => {
      created.dispose();
      if (this.views.get(serverId) === created) this.views.delete(serverId);
    });
    panel.webview.html = protocolHtml({ title: `Protocol · ${name}`, nonce: randomBytes(16).toString('base64'), cspSource: panel.webview.cspSource, script: panel.webview.asWebviewUri(vscode.Uri.joinPath(dist, 'protocolView.js')).toString() });
    return view;
  }

  /** The open view of a server (tests read its model). */
  get(serverId: string): ProtocolView | undefined {
    return this.views.get(serverId);
  }

  dispose(): void {
    this.subscription.dispose();
    for (const v of [...this.views.values()]) v.panel.dispose();
  }
}

/** One server's view: its filter, what the page was sent, and the batching of live changes. */
export class ProtocolView {
  filter: ProtocolFilter = NO_FILTER;
  /** How many rows the page said it shows after its last render (see `ViewMessage` `rendered`). */
  renderedRows = 0;
  /** The log the page was last reset from: a server replaced for a new launch has a new one. */
  private log: MessageLog | undefined;
  private readonly added = new Set<number>();
  private readonly updated = new Set<number>();
  private timer: NodeJS.Timeout | undefined;
  private ready = false;
  private readonly subscription: vscode.Disposable;

  constructor(readonly serverId: string, readonly serverName: string, readonly panel: vscode.WebviewPanel, private readonly live: LiveServers) {
    this.subscription = panel.webview.onDidReceiveMessage((m: ViewMessage) => void this.handle(m));
  }

  /** The rows the view shows now: every kept message that passes the filter, newest first (at most {@link MAX_ROWS}). */
  rows(): ProtocolRow[] {
    return filterNewestFirst(this.records(), this.filter).slice(0, MAX_ROWS).map((r) => toRow(r));
  }

  /** A kept message's masked JSON, as the view shows it expanded. */
  detail(seq: number): { json: string; note?: string } | undefined {
    const r = this.current()?.get(seq);
    return r && detailOf(r);
  }

  /** The CLI command of a kept request (see `recordCliCommand`). */
  cliCommand(seq: number): string | undefined {
    const r = this.current()?.get(seq);
    return r && recordCliCommand(this.serverName, r, this.live.snapshot(this.serverId)?.definition);
  }

  /** What the page posts (also the tests' way in). */
  async handle(m: ViewMessage): Promise<void> {
    switch (m.type) {
      case 'ready':
        this.ready = true;
        return this.reset();
      case 'filter':
        this.filter = { ...NO_FILTER, ...m.filter };
        return this.reset();
      case 'expand': {
        const d = this.detail(m.seq);
        if (d) await this.post({ type: 'detail', seq: m.seq, ...d });
        return;
      }
      case 'copyCli': {
        const line = this.cliCommand(m.seq);
        if (!line) return;
        await vscode.env.clipboard.writeText(line);
        vscode.window.setStatusBarMessage(`Copied: ${line.length > 80 ? `${line.slice(0, 80)}…` : line}`, 4000);
        return;
      }
      case 'clear':
        this.current()?.clear();
        return this.reset();
      case 'rendered':
        this.renderedRows = m.rows;
        return;
    }
  }

  /** A message was kept for this server: posted with the others of the next {@link BATCH_MS}. */
  changed(change: MessageLogChange): void {
    this.added.add(change.added.seq);
    if (change.updated) this.updated.add(change.updated.seq);
    this.timer ??= setTimeout(() => void this.flush(), BATCH_MS);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.subscription.dispose();
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    const log = this.current();
    if (!this.ready) return;
    if (!log || log !== this.log) return this.reset();
    const pick = (seqs: Iterable<number>) => [...seqs].flatMap((s) => {
      const r = log.get(s);
      return r && matches(r, this.filter) ? [r] : [];
    });
    const added = pick(this.added).sort((a, b) => b.seq - a.seq);
    const changed = pick([...this.updated].filter((s) => !this.added.has(s)));
    this.added.clear();
    this.updated.clear();
    await this.post({ type: 'update', added: added.map((r) => toRow(r)), changed: changed.map((r) => toRow(r)), firstSeq: log.firstSeq, kept: log.size, dropped: log.dropped });
  }

  private async reset(): Promise<void> {
    this.log = this.current();
    this.added.clear();
    this.updated.clear();
    await this.post({ type: 'reset', server: this.serverName, rows: this.rows(), kept: this.log?.size ?? 0, dropped: this.log?.dropped ?? 0, filter: this.filter });
  }

  private current(): MessageLog | undefined {
    return this.live.protocol(this.serverId);
  }

  private records(): MessageRecord[] {
    return this.current()?.records() ?? [];
  }

  private async post(m: HostMessage): Promise<void> {
    await this.panel.webview.postMessage(m);
  }
}
