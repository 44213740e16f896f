import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CommandIds } from '../commandIds';
import { CLIENT_LABELS, debugTypeOf, transportLabel, transportSummary, type ClientId, type ConfigFile, type ServerDefinition } from '../core/config/model';
import { itemKey, type ItemChange } from '../core/connection/listDiff';
import type { ListItems, ServerSnapshot } from '../core/connection';
import { LIST_KINDS, listItems, ServerState, type ListKind } from '../core/connection/state';
import type { LiveServers } from './liveServers';
import { explainFailure, explanationText, revealArgsOf } from './startFailure';
import type { SignInStatus } from '../core/auth';
import { escapeMarkdown, markdownCode, markdownExcerpt } from '../core/markdown';
import { findingsMarkdown, markFindings } from './doctorMarks';
import type { Finding } from '../core/doctor/finding';
import { countsSummary, entryItem, entryTooltip, listItem, stateIcon, untrustedMarkdown } from './liveItems';
import { CONNECTED_FILE, type ServersModel } from './serversModel';
import type { Settings } from '../settings';
import type { ServerIdentity } from '../core/config/sameServer';
import { copiesItem, markCopy } from './copiesItems';

/**
 * The nodes of the Servers view, a tagged union on `kind`:
 * client → config file → server → "Tools (n)" … → tool, resource, resource template, prompt;
 * and last, "Connected in This Window" → server (servers with no config file, `serversModel.connect`).
 * With `mcpDevtools.servers.groupBy` = `server`: a server defined in several files is one `copies`
 * node with its copies (server nodes) under it, and a server defined once is a server node at the top.
 */
export type ServersNode =
  | { kind: 'client'; client: ClientId; files: ConfigFile[] }
  /** A server defined in several files (`groupBy` = `server`): its copies are its children. */
  | { kind: 'copies'; identity: ServerIdentity }
  | { kind: 'connected'; file: ConfigFile }
  | { kind: 'file'; file: ConfigFile }
  | { kind: 'server'; server: ServerDefinition }
  | { kind: 'fileError'; file: ConfigFile }
  | { kind: 'list'; serverId: string; list: ListKind }
  | { kind: 'entry'; serverId: string; list: ListKind; entry: ListItems[ListKind] }
  /** A line of text under a server: why it failed or did not start, with an action. */
  | { kind: 'message'; serverId: string; text: string; tooltip?: string; icon: string; action?: vscode.Command };

/** The key of a node: the same as its tree item's id, without the parts that change with its state. */
function keyOf(node: ServersNode): string | undefined {
  switch (node.kind) {
    case 'client':
      return `client\0${node.client}`;
    case 'connected':
      return 'connected';
    case 'copies':
      return `copies\0${node.identity.key}`;
    case 'file':
      return `file\0${node.file.path}\0${node.file.workspaceFolder ?? ''}`;
    case 'fileError':
      return `error\0${node.file.path}`;
    case 'server':
      return `server\0${node.server.id}`;
    case 'list':
      return `list\0${node.serverId}\0${node.list}`;
    case 'entry':
      return `entry\0${node.serverId}\0${node.list}\0${entryKey(node.entry)}`;
    case 'message':
      return undefined; // a leaf that is never refreshed on its own: a new one each time
  }
}

/** What tells a tool, resource, resource template or prompt apart within its list. */
function entryKey(entry: ListItems[ListKind]): string {
  const e = entry as { name: string; uri?: string; uriTemplate?: string };
  return e.uri ?? e.uriTemplate ?? e.name;
}

/**
 * Tree data for the "Servers" view. An unreadable file gets an error child that opens it at the
 * error. A list group with no items ("Resource Templates (0)") is hidden unless
 * `mcpDevtools.servers.showEmptyGroups` is on.
 *
 * Nodes are stable: one object per key (see {@link keyOf}) for as long as it is in the tree, its
 * data updated in place, because VS Code finds the node to refresh by identity. So a change of one
 * live server refreshes that server's node and its children only; a change of the config files
 * (or of a setting that shapes the tree) refreshes the whole tree.
 */
export class ServersTreeProvider implements vscode.TreeDataProvider<ServersNode>, vscode.Disposable {
  readonly onDidChangeTreeData: vscode.Event<ServersNode[] | undefined>;

  private readonly emitter = new vscode.EventEmitter<ServersNode[] | undefined>();
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  /** The node object of each key shown (or about to be). */
  private readonly nodes = new Map<string, ServersNode>();

  constructor(private readonly model: ServersModel, private readonly settings: Settings, private readonly live?: LiveServers) {
    this.disposables.push(
      model.onDidChange(() => this.emitter.fire(undefined)),
      settings.onDidChange(['servers.showEmptyGroups', 'servers.groupBy'], () => this.emitter.fire(undefined)),
    );
    if (live) this.disposables.push(live.onDidChange(({ serverIds }) => this.serversChanged(serverIds)));
    this.onDidChangeTreeData = this.emitter.event;
  }

  /** Refreshes the nodes of these servers (those the tree has shown; the others are drawn when shown). */
  private serversChanged(serverIds: readonly string[]): void {
    // a server that is gone (removed from its file, disconnected) goes with the model's full refresh:
    // refreshing its node too would name an element the view may have dropped already
    const nodes = serverIds.flatMap((id) => (this.live?.snapshot(id) ? this.nodes.get(`server\0${id}`) ?? [] : []));
    if (nodes.length) this.emitter.fire(nodes);
  }

  /**
   * The one node object for `node`'s key, updated with `node`'s data; `node` itself when its key
   * is new (or it has none). Commands that build a node (Go to Tool) reveal this one.
   */
  stable<N extends ServersNode>(node: N): N {
    const key = keyOf(node);
    if (!key) return node;
    const known = this.nodes.get(key);
    if (!known || known.kind !== node.kind) {
      this.nodes.set(key, node);
      return node;
    }
    return Object.assign(known, node) as N;
  }

  /** Forgets the nodes under `prefix` whose keys are not in `keep` (gone from the tree). */
  private forget(prefix: string, keep: readonly ServersNode[]): void {
    const kept = new Set(keep.map(keyOf));
    for (const key of this.nodes.keys()) if (key.startsWith(prefix) && !kept.has(key)) this.nodes.delete(key);
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }

  private get showEmptyGroups(): boolean {
    return this.settings.get('servers.showEmptyGroups');
  }

  private get byServer(): boolean {
    return this.settings.get('servers.groupBy') === 'server';
  }

  /** The top nodes with `groupBy` = `server`: one per server identity, in the order of the files. */
  private serverRoots(): ServersNode[] {
    const identities = this.model.same().identities;
    const kept = identities.filter((i) => i.copies.length > 1).map((identity) => this.stable({ kind: 'copies', identity }));
    this.forget('copies\0', kept);
    let k = 0;
    return identities.map((i) => (i.copies.length > 1 ? kept[k++] : this.stable({ kind: 'server', server: i.copies[0].def })));
  }

  async getChildren(node?: ServersNode): Promise<ServersNode[]> {
    if (!node) {
      const files = await this.model.getFiles();
      this.forgetGone(files);
      if (this.byServer) {
        const connected = files.find((f) => f.path === CONNECTED_FILE);
        return [...this.serverRoots(), ...(connected ? [this.stable({ kind: 'connected', file: connected })] : [])];
      }
      this.forget('copies\0', []);
      const byClient = new Map<ClientId, ConfigFile[]>();
      for (const f of files) if (f.path !== CONNECTED_FILE) byClient.set(f.client, [...(byClient.get(f.client) ?? []), f]);
      const connected = files.find((f) => f.path === CONNECTED_FILE);
      return [...[...byClient].map(([client, files]) => this.stable({ kind: 'client', client, files })), ...(connected ? [this.stable({ kind: 'connected', file: connected })] : [])];
    }
    if (node.kind === 'client') return node.files.map((file) => this.stable({ kind: 'file', file }));
    if (node.kind === 'connected') return node.file.servers.map((server) => this.stable({ kind: 'server', server }));
    if (node.kind === 'copies') return node.identity.copies.map((c) => this.stable({ kind: 'server', server: c.def }));
    if (node.kind === 'file') {
      const children: ServersNode[] = [];
      if (node.file.error) children.push(this.stable({ kind: 'fileError', file: node.file }));
      for (const server of node.file.servers) children.push(this.stable({ kind: 'server', server }));
      return children;
    }
    if (node.kind === 'server') {
      const children = this.serverChildren(node.server);
      this.forget(`list\0${node.server.id}\0`, children);
      if (!children.some((c) => c.kind === 'list')) this.forget(`entry\0${node.server.id}\0`, []);
      return children;
    }
    if (node.kind === 'list') {
      const s = this.live?.snapshot(node.serverId);
      const state = s?.lists[node.list];
      if (!state) return [];
      if (state.kind === 'error') return [{ kind: 'message', serverId: node.serverId, text: state.message, icon: 'error' }];
      const entries = listItems<ListItems[ListKind]>(state).map((entry) => this.stable({ kind: 'entry', serverId: node.serverId, list: node.list, entry }));
      this.forget(`entry\0${node.serverId}\0${node.list}\0`, entries);
      return [...entries, ...this.removedSinceRestart(node.serverId, node.list)];
    }
    return [];
  }

  /** The items a restart removed from a list, as message lines after the list's items (see `LiveServers.listChanges`). */
  private removedSinceRestart(serverId: string, list: ListKind): ServersNode[] {
    const changes = this.live?.listChanges(serverId)?.[list];
    return [...(changes ?? [])].flatMap(([key, c]) => (c.kind === 'removed' ? [{ kind: 'message' as const, serverId, text: `${key} (removed)`, tooltip: `${key}: ${c.reason}`, icon: 'diff-removed' }] : []));
  }

  /** After the files were re-read: forgets the nodes of clients, files and servers that are gone. */
  private forgetGone(files: readonly ConfigFile[]): void {
    const clients = new Set(files.map((f) => `client\0${f.client}`));
    const paths = new Set(files.map((f) => f.path));
    const servers = new Set(files.flatMap((f) => f.servers.map((s) => s.id)));
    for (const [key, node] of this.nodes) {
      const gone =
        node.kind === 'client' ? !clients.has(key) :
        node.kind === 'connected' ? !paths.has(CONNECTED_FILE) :
        node.kind === 'file' || node.kind === 'fileError' ? !paths.has(node.file.path) :
        node.kind === 'server' ? !servers.has(node.server.id) :
        node.kind === 'list' || node.kind === 'entry' ? !servers.has(node.serverId) : false;
      if (gone) this.nodes.delete(key);
    }
  }

  /** The parent of a node (for `TreeView.reveal`), found from the current files. */
  async getParent(node: ServersNode): Promise<ServersNode | undefined> {
    const files = await this.model.getFiles();
    const fileOf = (serverId: string) => files.find((f) => f.servers.some((s) => s.id === serverId));
    switch (node.kind) {
      case 'client':
      case 'connected':
      case 'copies':
        return undefined;
      case 'file':
      case 'fileError': {
        const client = node.file.client;
        return this.stable({ kind: 'client', client, files: files.filter((f) => f.client === client) });
      }
      case 'server': {
        const file = fileOf(node.server.id);
        if (file?.path === CONNECTED_FILE) return this.stable({ kind: 'connected', file });
        if (this.byServer) {
          const identity = this.model.same().byId.get(node.server.id)?.identity;
          return identity && identity.copies.length > 1 ? this.stable({ kind: 'copies', identity }) : undefined;
        }
        return file && this.stable({ kind: 'file', file });
      }
      case 'list':
      case 'message': {
        const server = fileOf(node.serverId)?.servers.find((s) => s.id === node.serverId);
        return server && this.stable({ kind: 'server', server });
      }
      case 'entry':
        return this.stable({ kind: 'list', serverId: node.serverId, list: node.list });
    }
  }

  private serverChildren(server: ServerDefinition): ServersNode[] {
    const s = this.live?.snapshot(server.id);
    const blocked = this.live?.blockedReason(server.id);
    const out: ServersNode[] = [];
    if (blocked && (!s || s.state.kind === 'stopped')) {
      out.push({ kind: 'message', serverId: server.id, text: blocked, icon: 'shield', action: { command: CommandIds.startServer, title: 'Start', arguments: [{ serverId: server.id }] } });
    }
    if (!s) return out;
    if (s.state.kind === 'error' && s.state.signInRequired) {
      out.push({
        kind: 'message', serverId: server.id, text: 'Sign in required', icon: 'account',
        tooltip: `${s.state.message}\n\nClick to sign in: the consent page opens in your browser.`,
        action: { command: CommandIds.signIn, title: 'Sign In', arguments: [{ serverId: server.id }] },
      });
    } else if (s.state.kind === 'error') {
      const retry = s.state.retry ? ` (reconnecting, attempt ${s.state.retry.attempt} of ${s.state.retry.maxAttempts})` : '';
      const prefix = s.state.retry ? 'Connection lost' : 'Failed to start';
      // a failed start that the config doctor can explain: the fix, and the config line at fault one click away
      const why = s.state.retry ? undefined : explainFailure(server, s.state);
      out.push({
        kind: 'message', serverId: server.id, text: `${prefix}: ${s.state.message}${retry}`, icon: 'error',
        tooltip: [s.state.message, ...(why ? ['', explanationText(why)] : []), ...(s.state.stderrTail.length ? ['', 'Last stderr lines:', ...s.state.stderrTail] : [])].join('\n'),
        action: { command: CommandIds.showServerOutput, title: 'Show Output', arguments: [{ serverId: server.id }] },
      });
      const at = why && revealArgsOf(why);
      if (why) {
        out.push({
          kind: 'message', serverId: server.id, text: `Fix: ${why.fix}`, icon: 'lightbulb', tooltip: explanationText(why),
          ...(at && { action: { command: CommandIds.revealServer, title: 'Open the Config at the Line at Fault', arguments: [at] } }),
        });
      }
    }
    if (s.state.kind !== 'running') return out;
    const more = this.live?.signIns.status(server.id)?.moreAccess;
    if (more?.length) {
      const scopes = more.join(' ');
      out.push({
        kind: 'message', serverId: server.id, text: `More access needed: ${scopes}`, icon: 'account',
        tooltip: `The server refused a request for lack of scope${more.length === 1 ? '' : 's'} "${scopes}" (403 insufficient_scope).\n\nClick to sign in for more access: the consent page opens in your browser and asks for these and the scopes granted already.`,
        action: { command: CommandIds.signIn, title: 'Sign In for More Access', arguments: [{ serverId: server.id }] },
      });
    }
    const showEmpty = this.showEmptyGroups;
    for (const list of LIST_KINDS) {
      const l = s.lists[list];
      if (l.kind === 'unsupported' || (!showEmpty && l.kind === 'loaded' && !l.items.length)) continue;
      out.push(this.stable({ kind: 'list', serverId: server.id, list }));
    }
    return out;
  }

  getTreeItem(node: ServersNode): vscode.TreeItem {
    switch (node.kind) {
      case 'client':
        return clientItem(node.client, node.files);
      case 'connected':
        return connectedItem(node.file);
      case 'copies':
        return copiesItem(node.identity);
      case 'file':
        return fileItem(node.file);
      case 'server':
      {
        const item = serverItem(node.server, this.live?.snapshot(node.server.id), !!this.live?.blockedReason(node.server.id), (t) => this.live?.redact(node.server.id, t) ?? t, this.live?.signIns.status(node.server.id), this.live?.watches.watched(node.server.id)?.globs);
        const all = this.live?.findings(node.server.id) ?? [];
        const own = all.filter((f) => f.item.kind === 'server');
        markFindings(item, all, false);
        markCopy(item, node.server.id, this.model.same(), this.byServer);
        if (all.length && item.tooltip instanceof vscode.MarkdownString) item.tooltip.appendMarkdown(`\n\n---\n\n**Check Server**: ${all.length} finding${all.length === 1 ? '' : 's'}${own.length ? `\n\n${findingsMarkdown(own)}` : ''}`);
        return item;
      }
      case 'fileError':
        return errorItem(node.file);
      case 'list':
        return listItem(node.serverId, node.list, this.live?.snapshot(node.serverId)?.lists[node.list] ?? { kind: 'unsupported' });
      case 'entry':
        return markFindings(markChange(entryItem(node.serverId, node.list, node.entry), this.live?.listChanges(node.serverId)?.[node.list].get(itemKey(node.entry))), this.entryFindings(node), true);
      case 'message':
        return messageItem(node);
    }
  }

  /** The Check Server findings about one tool, prompt, resource or resource template. */
  private entryFindings(node: Extract<ServersNode, { kind: 'entry' }>): Finding[] {
    const kind = node.list === 'tools' ? 'tool' : node.list === 'prompts' ? 'prompt' : node.list === 'resources' ? 'resource' : 'resourceTemplate';
    const e = node.entry as { name?: string; uri?: string; uriTemplate?: string };
    const name = e.uri ?? e.uriTemplate ?? e.name;
    return (this.live?.findings(node.serverId) ?? []).filter((f) => f.item.kind === kind && f.item.name === name);
  }

  /** VS Code asks on hover for a tooltip the item left unset: an entry's is made here, not for each of a list's items up front. */
  resolveTreeItem(item: vscode.TreeItem, node: ServersNode): vscode.TreeItem {
    if (node.kind === 'entry') {
      const tooltip = entryTooltip(node.list, node.entry);
      const change = this.live?.listChanges(node.serverId)?.[node.list].get(itemKey(node.entry));
      if (change) tooltip.appendMarkdown(`\n\n---\n\n*${escapeMarkdown(change.reason)}*`);
      const findings = this.entryFindings(node);
      if (findings.length) tooltip.appendMarkdown(`\n\n---\n\n${findingsMarkdown(findings)}`);
      item.tooltip ??= tooltip;
    }
    return item;
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function clientItem(client: ClientId, files: ConfigFile[]): vscode.TreeItem {
  const item = new vscode.TreeItem(CLIENT_LABELS[client], vscode.TreeItemCollapsibleState.Expanded);
  item.id = `client:${client}`;
  const servers = files.reduce((n, f) => n + f.servers.length, 0);
  item.description = plural(servers, 'server');
  item.iconPath = new vscode.ThemeIcon('account');
  item.contextValue = `mcpClient:${client}`;
  return item;
}

/** The group of the servers connected with no config file, for this window only. */
function connectedItem(file: ConfigFile): vscode.TreeItem {
  const item = new vscode.TreeItem('Connected in This Window', vscode.TreeItemCollapsibleState.Expanded);
  item.id = 'connected';
  item.description = plural(file.servers.length, 'server');
  item.iconPath = new vscode.ThemeIcon('plug');
  item.tooltip = 'Servers connected with "MCP: Connect to Server…": for this window only, written nowhere. "Save to Config…" on a server writes it into a config file.';
  item.contextValue = 'mcpConnectedGroup';
  return item;
}

/** A file's label: relative to its workspace folder, `~/…` in the home directory, else absolute. */
function fileLabel(file: ConfigFile): string {
  const uri = vscode.Uri.file(file.path);
  if (vscode.workspace.getWorkspaceFolder(uri)) return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
  const home = os.homedir();
  return file.path.startsWith(home + path.sep) ? `~${file.path.slice(home.length)}` : file.path;
}

function fileItem(file: ConfigFile): vscode.TreeItem {
  const item = new vscode.TreeItem(fileLabel(file), vscode.TreeItemCollapsibleState.Expanded);
  item.id = `file:${file.path}#${file.workspaceFolder ?? ''}`;
  item.resourceUri = vscode.Uri.file(file.path);
  const scope = file.workspaceFolder ? 'local' : file.scope;
  item.description = `${scope} · ${plural(file.servers.length, 'server')}`;
  item.tooltip = untrustedMarkdown(`**${CLIENT_LABELS[file.client]}** config, ${scope} scope${file.format ? ` (${markdownCode(file.format)})` : ''}\n\n${markdownCode(file.path)}`);
  item.iconPath = file.error ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')) : vscode.ThemeIcon.File;
  item.contextValue = `mcpConfigFile:${file.scope}${file.error ? ':error' : ''}`;
  item.command = { command: CommandIds.revealServer, title: 'Open File', arguments: [{ file: file.path }] };
  return item;
}

/** A server's node. `redact` hides the server's secret values (literal env/header values, resolved inputs) in the tooltip. */
function serverItem(server: ServerDefinition, live: ServerSnapshot | undefined, blocked: boolean, redact: (text: string) => string, signIn?: SignInStatus, watching?: readonly string[]): vscode.TreeItem {
  const state = live?.state ?? ServerState.stopped;
  const signInRequired = state.kind === 'error' && !!state.signInRequired;
  const moreAccess = state.kind === 'running' && signIn?.moreAccess?.length ? signIn.moreAccess : undefined;
  const label = ServerState.label(state);
  const hasChildren = state.kind === 'running' || state.kind === 'error' || blocked;
  const item = new vscode.TreeItem(server.name, hasChildren ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
  // A new id once there are children: VS Code keeps the collapsed state of a known id, and a server
  // that just started should open on its lists.
  item.id = `server:${server.id}${hasChildren ? ':open' : ''}`;
  const counts = live && state.kind === 'running' ? countsSummary(live) : '';
  item.description = [transportLabel(server.transport), server.options.disabled ? 'disabled' : signInRequired ? 'sign in required' : moreAccess ? 'more access needed' : label === 'stopped' ? '' : label, counts].filter(Boolean).join(' · ');
  const summary = redact(transportSummary(server.transport));
  const md = untrustedMarkdown();
  md.appendMarkdown(`**${escapeMarkdown(server.name)}** · ${transportLabel(server.transport)} · ${label}\n\n`);
  if (summary) md.appendCodeblock(summary, 'shell');
  const info = live?.info;
  if (info) {
    const v = info.serverInfo;
    md.appendMarkdown(`\n${escapeMarkdown(`${v.name} ${v.version}, protocol ${info.protocolVersion ?? '?'} over ${info.transport}${info.pid ? `, pid ${info.pid}` : ''}`)}\n\n`);
    md.appendMarkdown(`Capabilities: ${escapeMarkdown(Object.keys(info.capabilities).join(', ') || 'none')}\n\n`);
    // The server's own Markdown, rendered (untrusted), shortened for the hover.
    if (info.instructions?.trim()) md.appendMarkdown(`---\n\n${markdownExcerpt(redact(info.instructions))}\n\n---\n\n`);
  }
  // only this one command may run from the hover (the rest of it stays untrusted)
  const signInLink = (title: string) => `[${title}](command:${CommandIds.signIn}?${encodeURIComponent(JSON.stringify([{ serverId: server.id }]))})`;
  if (signInRequired || moreAccess) md.isTrusted = { enabledCommands: [CommandIds.signIn] };
  if (signInRequired) md.appendMarkdown(`**Sign in required**: ${signInLink('Sign In')}\n\n`);
  if (moreAccess) md.appendMarkdown(`**More access needed** (${markdownCode(moreAccess.join(' '))}): ${signInLink('Sign In for More Access')}\n\n`);
  if (!signInRequired && signIn?.signedIn) {
    const who = [signIn.clientId && `client ${markdownCode(signIn.clientId)}`, signIn.issuer && `issuer ${markdownCode(signIn.issuer)}`, signIn.scopes?.length && `scopes ${markdownCode(signIn.scopes.join(' '))}`].filter(Boolean).join(', ');
    md.appendMarkdown(`Signed in${who ? `: ${who}` : ''}\n\n`);
  }
  if (watching?.length) md.appendMarkdown(`Restarts when a watched file changes: ${watching.map(markdownCode).join(', ')}\n\n`);
  const debug = debugTypeOf(server);
  if (debug && server.transport?.kind === 'stdio') md.appendMarkdown(`Starts under the ${debug} debugger (\`dev.debug\`)\n\n`);
  if (server.adHoc) md.appendMarkdown('Connected in this window, with no config file: **Save to Config…** writes it into one');
  else md.appendMarkdown(`Defined in ${markdownCode(path.basename(server.file))}, line ${server.range.start.line + 1}`);
  item.tooltip = md;
  item.iconPath = server.transport ? stateIcon(state) : new vscode.ThemeIcon('question');
  // segments: state, then `stdio` (Watch Server Source…), `watched` (Stop Watching), `adHoc` (Save to Config…,
  // Disconnect; no Go to Definition); menus match the prefix or the last segment
  item.contextValue = `mcpServer:${label}${server.transport?.kind === 'stdio' ? ':stdio' : ''}${watching?.length ? ':watched' : ''}${server.adHoc ? ':adHoc' : ''}`;
  if (server.adHoc) return item;
  const at = (server.nameRange ?? server.range).start;
  item.command = { command: CommandIds.revealServer, title: 'Go to Definition', arguments: [{ file: server.file, line: at.line, character: at.character }] };
  return item;
}

/** Marks an item a restart added or changed: a word after its description, a coloured icon (the reason is in its tooltip). */
function markChange(item: vscode.TreeItem, change: ItemChange | undefined): vscode.TreeItem {
  if (!change || change.kind === 'removed') return item;
  const word = change.kind === 'added' ? 'added' : change.fields.some((f) => f.endsWith('Schema') || f === 'arguments') ? 'schema changed' : `${change.fields.join(', ')} changed`;
  item.description = [item.description, word].filter(Boolean).join(' · ');
  const icon = item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : 'symbol-method';
  item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(change.kind === 'added' ? 'gitDecoration.addedResourceForeground' : 'gitDecoration.modifiedResourceForeground'));
  return item;
}

function messageItem(node: Extract<ServersNode, { kind: 'message' }>): vscode.TreeItem {
  const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
  item.id = `message:${node.serverId}:${node.icon}:${node.text.slice(0, 80)}`;
  item.iconPath = new vscode.ThemeIcon(node.icon, node.icon === 'error' ? new vscode.ThemeColor('problemsErrorIcon.foreground') : node.icon === 'diff-removed' ? new vscode.ThemeColor('gitDecoration.deletedResourceForeground') : undefined);
  item.tooltip = node.tooltip ?? node.text;
  item.contextValue = node.icon === 'error' ? 'mcpServerError' : node.icon === 'account' ? 'mcpServerSignIn' : 'mcpServerMessage';
  item.command = node.action;
  return item;
}

function errorItem(file: ConfigFile): vscode.TreeItem {
  const item = new vscode.TreeItem(file.error?.message ?? 'Unreadable file', vscode.TreeItemCollapsibleState.None);
  item.id = `error:${file.path}`;
  item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
  const kept = file.keptLastGood ? '\n\nThe servers below are as the file was last read without an error; running servers keep running until it is fixed.' : '';
  item.tooltip = `${file.error?.message ?? ''}${kept}\n\nClick to open ${file.path}`;
  item.contextValue = 'mcpConfigError';
  const at = file.error?.range?.start ?? { line: 0, character: 0 };
  item.command = { command: CommandIds.revealServer, title: 'Open File', arguments: [{ file: file.path, line: at.line, character: at.character }] };
  return item;
}
