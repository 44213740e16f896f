/**
 * The Testing view for collection files (`*.mcp-tests.json`, `core/collections`): one test item
 * per file in the workspace, one child per saved call (with its range, so Go to Test works), a
 * Run profile that replays calls through the extension's running servers (started as Call Tool
 * starts them, trust included; a saved URL or command line is connected as Connect to Server…
 * does, after the trust dialog) and compares each result with its snapshot (`compareResult`), and
 * a CodeLens "Run" above each saved call ("Run All" above the file's first line).
 *
 * A thin adapter: reading and comparing are the core's (loaded lazily through `core/lazy`).
 */
import * as path from 'node:path';
import { LineIndex } from '../core/config/text';
import * as vscode from 'vscode';
import { CommandIds } from '../commandIds';
import { compareResult, normaliseResult, readCollection, redactedArguments, resolveTarget, runCall, savedServerDefinition } from '../core/lazy';
import type { Difference, LocatedCall, SavedServer } from '../core/collections';
import type { ServerDefinition } from '../core/config/model';
import type { ServersModel } from '../servers/serversModel';
import { REDACTED } from '../core/history';
import type { CallsContext } from '../calls/callsContext';

const COLLECTION_GLOB = '**/*.mcp-tests.json';
const SKIPPED = '**/{node_modules,.git}/**';

/** How a saved call ended in the last run (for tests and the command's return value). */
export interface CollectionTestOutcome {
  id: string;
  label: string;
  status: 'passed' | 'failed' | 'errored' | 'skipped';
  message?: string;
  /** A failed call's result as its diff shows it (normalised like a snapshot: secrets redacted). */
  actual?: string;
}

const show = (v: unknown) => (v === undefined ? '(nothing)' : JSON.stringify(v));

/** The one-line message of a failed comparison: the first differing pointer, and how many differ. */
function failureMessage(diffs: readonly Difference[]): string {
  const d = diffs[0];
  const at = d.pointer || '(the whole result)';
  const what = d.message ?? `expected ${show(d.expected)}, got ${show(d.actual)}`;
  return `differs from its snapshot at ${at}: ${what}${diffs.length > 1 ? ` (and ${diffs.length - 1} more difference${diffs.length > 2 ? 's' : ''})` : ''}`;
}

export class CollectionTests implements vscode.CodeLensProvider, vscode.Disposable {
  readonly controller: vscode.TestController;
  readonly runProfile: vscode.TestRunProfile;
  /** The outcomes of the last run, in run order. */
  lastRun: CollectionTestOutcome[] = [];
  private readonly calls = new Map<string, { uri: vscode.Uri; located: LocatedCall }>();
  private readonly lensChanged = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.lensChanged.event;
  private readonly disposables: vscode.Disposable[] = [];
  private loading: Promise<void> | undefined;

  constructor(private readonly ctx: Pick<CallsContext, 'live' | 'settings'> & { servers: Pick<ServersModel, 'connect'> }) {
    this.controller = vscode.tests.createTestController('mcpDevtools.collections', 'MCP Collections');
    this.controller.resolveHandler = async (item) => {
      if (!item) await this.refresh();
    };
    this.controller.refreshHandler = () => this.refresh();
    this.runProfile = this.controller.createRunProfile('Run', vscode.TestRunProfileKind.Run, async (request, token) => {
      await this.run(request, token);
    }, true);
    const watcher = vscode.workspace.createFileSystemWatcher(COLLECTION_GLOB);
    watcher.onDidCreate((uri) => void this.load(uri));
    watcher.onDidChange((uri) => void this.load(uri));
    watcher.onDidDelete((uri) => this.remove(uri));
    this.disposables.push(this.controller, watcher, this.lensChanged, vscode.languages.registerCodeLensProvider({ pattern: COLLECTION_GLOB }, this));
  }

  /** Finds every collection file in the workspace (node_modules and .git skipped) and reads it. */
  refresh(): Promise<void> {
    this.loading = (async () => {
      const files = await vscode.workspace.findFiles(COLLECTION_GLOB, SKIPPED);
      const keep = new Set(files.map((f) => f.toString()));
      this.controller.items.forEach((item) => {
        if (!keep.has(item.id)) this.remove(item.uri!);
      });
      await Promise.all(files.map((f) => this.load(f)));
    })();
    return this.loading;
  }

  private remove(uri: vscode.Uri): void {
    const id = uri.toString();
    this.controller.items.delete(id);
    for (const key of [...this.calls.keys()]) if (key.startsWith(`${id}#`)) this.calls.delete(key);
    this.lensChanged.fire();
  }

  /** Reads one file into a test item and its children; a defect of the file shows as the item's error. */
  private async load(uri: vscode.Uri): Promise<void> {
    if (/[\\/](node_modules|\.git)[\\/]/.test(uri.path)) return;
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      return this.remove(uri);
    }
    const id = uri.toString();
    const file = this.controller.items.get(id) ?? this.controller.createTestItem(id, vscode.workspace.asRelativePath(uri), uri);
    this.controller.items.add(file);
    for (const key of [...this.calls.keys()]) if (key.startsWith(`${id}#`)) this.calls.delete(key);
    const lines = new LineIndex(text);
    try {
      const { calls } = readCollection(text, vscode.workspace.asRelativePath(uri));
      file.error = undefined;
      file.children.replace(calls.map((located) => {
        const child = this.controller.createTestItem(`${id}#${located.index}`, located.label, uri);
        const { start, end } = lines.range(located.range.offset, located.range.length);
        child.range = new vscode.Range(start.line, start.character, end.line, end.character);
        this.calls.set(child.id, { uri, located });
        return child;
      }));
    } catch (e) {
      file.children.replace([]);
      file.error = (e as Error).message;
    }
    this.lensChanged.fire();
  }

  /**
   * Runs saved calls: the items of `request.include` (a file runs its calls), or all. Each call's
   * server is found by name among the configured servers and started if it is not running.
   */
  async run(request: vscode.TestRunRequest, token: vscode.CancellationToken): Promise<CollectionTestOutcome[]> {
    await (this.loading ?? this.refresh());
    const excluded = new Set((request.exclude ?? []).map((i) => i.id));
    const leaves: vscode.TestItem[] = [];
    const add = (item: vscode.TestItem) => {
      if (excluded.has(item.id)) return;
      if (this.calls.has(item.id)) leaves.push(item);
      else item.children.forEach(add);
    };
    if (request.include) request.include.forEach(add);
    else this.controller.items.forEach(add);
    const run = this.controller.createTestRun(request);
    const outcomes: CollectionTestOutcome[] = [];
    const done = (item: vscode.TestItem, status: CollectionTestOutcome['status'], message?: string) => outcomes.push({ id: item.id, label: item.label, status, message });
    leaves.forEach((i) => run.enqueued(i));
    const ac = new AbortController();
    const sub = token.onCancellationRequested(() => ac.abort(new Error('the test run was cancelled')));
    try {
      for (const item of leaves) {
        if (token.isCancellationRequested) {
          run.skipped(item);
          done(item, 'skipped', 'cancelled');
          continue;
        }
        run.started(item);
        const { located } = this.calls.get(item.id)!;
        const { call, server } = located;
        const error = (message: string) => {
          run.errored(item, new vscode.TestMessage(message));
          done(item, 'errored', message);
        };
        let serverId: string;
        if (typeof server === 'string') {
          const snapshot = this.ctx.live.all().find((s) => s.definition.name === server);
          if (!snapshot) {
            error(`no configured server is named "${server}": add it to an MCP config file of the workspace, or change "server" in ${vscode.workspace.asRelativePath(item.uri!)}`);
            continue;
          }
          serverId = snapshot.id;
        } else {
          const connected = await this.connectSaved(server, item.uri!);
          if ('refused' in connected) {
            error(connected.refused);
            continue;
          }
          serverId = connected.id;
        }
        const redacted = redactedArguments(call.arguments, REDACTED);
        if (redacted.length) {
          error(`cannot be replayed: argument ${redacted.join(', ')} was saved as ${REDACTED} (it looked like a secret); write its value in the file`);
          continue;
        }
        try {
          const running = await this.ctx.live.requireRunning(serverId);
          const target = resolveTarget({ kind: call.kind, server: serverId, name: call.name }, running.snapshot);
          const outcome = await runCall(this.ctx.live, target, call.arguments, {
            timeoutMs: call.timeoutMs ?? this.ctx.settings.get('calls.timeoutSeconds') * 1000,
            limitBytes: this.ctx.settings.get('calls.maxResultBytes'),
            signal: ac.signal,
          });
          if (outcome.kind !== 'result') {
            error(`the request failed: ${outcome.error}`);
            continue;
          }
          const outputSchema = target.kind === 'tool' ? target.tool.outputSchema : undefined;
          const diffs = compareResult(call.expect, outcome.raw, { match: call.match, ignore: call.ignore, outputSchema });
          if (!diffs.length) {
            run.passed(item, outcome.durationMs);
            done(item, 'passed');
          } else {
            const message = failureMessage(diffs);
            // the actual side as a snapshot would keep it: `_meta` dropped, secrets redacted (a diff is shown, and may be shared)
            const actual = JSON.stringify(normaliseResult(outcome.raw), null, 2);
            const m = vscode.TestMessage.diff(message, JSON.stringify(call.expect, null, 2), actual);
            if (item.uri && item.range) m.location = new vscode.Location(item.uri, item.range);
            run.failed(item, m, outcome.durationMs);
            outcomes.push({ id: item.id, label: item.label, status: 'failed', message, actual });
          }
        } catch (e) {
          error((e as Error).message);
        }
      }
    } finally {
      sub.dispose();
      run.end();
    }
    this.lastRun = outcomes;
    return outcomes;
  }

  /**
   * The command behind the CodeLenses: runs one saved call (`index`), a whole file, or (no
   * argument) every collection file, through the Run profile. @returns the outcomes
   */
  async runFromCommand(file?: vscode.Uri | string, index?: number): Promise<CollectionTestOutcome[]> {
    await (this.loading ?? this.refresh());
    const uri = typeof file === 'string' ? vscode.Uri.parse(file) : file;
    let include: vscode.TestItem[] | undefined;
    if (uri) {
      if (!this.controller.items.get(uri.toString())) await this.load(uri);
      const fileItem = this.controller.items.get(uri.toString());
      const item = index === undefined ? fileItem : fileItem?.children.get(`${uri.toString()}#${index}`);
      if (!item) throw new Error(`${vscode.workspace.asRelativePath(uri)} has no saved call #${(index ?? 0) + 1}: save the file, then try again`);
      include = [item];
    }
    const cts = new vscode.CancellationTokenSource();
    try {
      return await this.run(new vscode.TestRunRequest(include, undefined, this.runProfile), cts.token);
    } finally {
      cts.dispose();
    }
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    let calls: LocatedCall[];
    try {
      calls = readCollection(document.getText(), vscode.workspace.asRelativePath(document.uri)).calls;
    } catch {
      return [];
    }
    const lenses = calls.map((c) => new vscode.CodeLens(new vscode.Range(document.positionAt(c.range.offset), document.positionAt(c.range.offset)), {
      title: '$(run) Run',
      tooltip: `Replay ${c.label} and compare its result with the snapshot`,
      command: CommandIds.runCollectionTests,
      arguments: [document.uri.toString(), c.index],
    }));
    if (calls.length) lenses.unshift(new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), { title: '$(run-all) Run All', tooltip: 'Replay every call of this file', command: CommandIds.runCollectionTests, arguments: [document.uri.toString()] }));
    return lenses;
  }

  /**
   * A saved URL or command line as a server of this window (under "Connected in This Window", as
   * Connect to Server… makes it), after the trust dialog Call Tool shows for a workspace file's
   * server: what it runs comes from a file of the workspace, so it never runs unasked, and never
   * in Restricted Mode. The answer is remembered as for config files (until what it runs changes).
   * @returns the server's id, or why it may not run
   */
  private async connectSaved(saved: Exclude<SavedServer, string>, file: vscode.Uri): Promise<{ id: string } | { refused: string }> {
    let def: ServerDefinition;
    try {
      def = savedServerDefinition(saved, path.dirname(file.fsPath), process.env);
    } catch (e) {
      return { refused: `its server cannot be used: ${(e as Error).message}` };
    }
    // asked about as a server of the collection file: the dialog names the file, and the answer is for what this file runs
    const verdict = await this.ctx.live.trust.allow({ ...def, file: file.fsPath }, 'workspace', { ask: true });
    if (!verdict.allowed) return { refused: `its server was not started: ${verdict.reason ?? 'not trusted'}` };
    if (!this.ctx.live.snapshot(def.id)) {
      await this.ctx.servers.connect(def);
      await this.ctx.live.sync();
    }
    return { id: def.id };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
