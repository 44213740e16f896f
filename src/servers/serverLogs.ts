import * as vscode from 'vscode';
import type { LogEvent } from '../core/connection';
import type { AuthLogEntry } from '../core/auth';

/**
 * One LogOutputChannel per server ("MCP: <name>"), created on first use: its stderr lines, its
 * `notifications/message` log, lifecycle events, and at trace level every JSON-RPC message with
 * direction and duration. Text arrives already redacted by the connection layer.
 */
export class ServerLogs implements vscode.Disposable {
  private readonly channels = new Map<string, vscode.LogOutputChannel>();
  private readonly subscriptions: vscode.Disposable[] = [];

  /** @param onLevelChange called when any channel's log level changes (to switch tracing on or off) */
  constructor(private readonly onLevelChange: () => void = () => undefined) {}

  channel(id: string, name: string): vscode.LogOutputChannel {
    let c = this.channels.get(id);
    if (!c) {
      c = vscode.window.createOutputChannel(`MCP: ${name}`, { log: true });
      this.channels.set(id, c);
      this.subscriptions.push(c.onDidChangeLogLevel(() => this.onLevelChange()));
      this.onLevelChange();
    }
    return c;
  }

  /** Whether any channel currently shows trace-level output (then JSON-RPC tracing is worth producing). */
  wantsTrace(): boolean {
    return [...this.channels.values()].some((c) => c.logLevel === vscode.LogLevel.Trace);
  }

  append(id: string, name: string, e: LogEvent): void {
    const c = this.channel(id, name);
    switch (e.kind) {
      case 'stderr':
        c.info(`[stderr] ${e.text}`);
        return;
      case 'trace':
        c.trace(`${e.direction === 'send' ? '→' : '←'} ${e.method ?? ''}${e.id !== undefined ? ` #${e.id}` : ''}${e.durationMs !== undefined ? ` (${e.durationMs} ms)` : ''} ${e.text}`);
        return;
      case 'lifecycle':
        if (e.level === 'info') c.info(e.text);
        else if (e.level === 'warning') c.warn(e.text);
        else c.error(e.text);
        return;
      case 'server': {
        const line = `[server${e.logger ? `:${e.logger}` : ''}] ${e.text}`;
        if (e.level === 'debug') c.debug(line);
        else if (e.level === 'info' || e.level === 'notice') c.info(line);
        else if (e.level === 'warning') c.warn(line);
        else c.error(line);
      }
    }
  }

  /** One step of an OAuth flow (already masked by the core), at Debug level. */
  authStep(id: string, name: string, e: AuthLogEntry): void {
    this.channel(id, name).debug(`[auth] ${e.step}: ${e.text}`);
  }

  show(id: string, name: string): void {
    this.channel(id, name).show(true);
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
    for (const c of this.channels.values()) c.dispose();
    this.channels.clear();
  }
}
