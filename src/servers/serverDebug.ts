import * as vscode from 'vscode';
import type { DebugTarget } from '../core/connection/debugLaunch';

/** How one attach went: `no-debugger-extension` when debugpy's extension is missing (said in the log and a notification). */
export type AttachOutcome = 'attached' | 'no-debugger-extension' | 'failed';

/** The Python Debugger extension: it contributes the `debugpy` debug type. */
export const PYTHON_DEBUGGER_EXTENSION = 'ms-python.debugpy';
/** How long js-debug keeps trying to reach a Node inspector that is not listening yet, milliseconds. */
const NODE_ATTACH_TIMEOUT_MS = 30_000;
/** The configuration key that ties a debug session to the server it debugs. */
const SERVER_ID_KEY = 'mcpDevtoolsServerId';

/**
 * VS Code's debugger attached to servers started under `dev.debug`: on each `debug` event of the
 * connection layer (a debugger listening on 127.0.0.1) a session is started with
 * `vscode.debug.startDebugging` — `node` (the built-in js-debug, `continueOnAttach` for
 * `--inspect-brk`) or `debugpy` (the Python Debugger extension; without it the log and a
 * notification say so, and the server runs undebugged). Sessions end when their server stops;
 * a restart attaches anew.
 */
export class ServerDebugSessions implements vscode.Disposable {
  private readonly sessions = new Map<string, Set<vscode.DebugSession>>();
  private readonly pending = new Map<string, Promise<AttachOutcome>[]>();
  private readonly disposables: vscode.Disposable[];

  /** @param log writes one line to the server's log */
  constructor(private readonly log: (id: string, level: 'info' | 'warning' | 'error', text: string) => void) {
    this.disposables = [
      vscode.debug.onDidStartDebugSession((s) => {
        const id = serverIdOf(s);
        if (id) (this.sessions.get(id) ?? this.sessions.set(id, new Set()).get(id)!).add(s);
      }),
      vscode.debug.onDidTerminateDebugSession((s) => {
        const id = serverIdOf(s);
        if (id) this.sessions.get(id)?.delete(s);
      }),
    ];
  }

  /** Attaches VS Code's debugger to `target`; {@link settled} waits for it. Never throws. */
  attach(id: string, name: string, target: DebugTarget): void {
    const p = this.start(id, name, target).catch((e: unknown): AttachOutcome => {
      this.log(id, 'error', `could not attach the ${target.type} debugger on ${target.host}:${target.port}: ${e instanceof Error ? e.message : String(e)}`);
      return 'failed';
    });
    (this.pending.get(id) ?? this.pending.set(id, []).get(id)!).push(p);
  }

  /** Resolves once every attach asked for this server so far has started (or failed), with how each went. */
  async settled(id: string): Promise<AttachOutcome[]> {
    const list = this.pending.get(id) ?? [];
    this.pending.delete(id);
    return Promise.all(list);
  }

  /** The debug sessions attached to a server now. */
  sessionsOf(id: string): vscode.DebugSession[] {
    return [...(this.sessions.get(id) ?? [])];
  }

  /** Ends the debug sessions of a server (it stopped). Never throws. */
  async detach(id: string): Promise<void> {
    const sessions = this.sessionsOf(id);
    this.sessions.delete(id);
    await Promise.all(sessions.map((s) => Promise.resolve(vscode.debug.stopDebugging(s)).catch(() => undefined)));
  }

  private async start(id: string, name: string, target: DebugTarget): Promise<AttachOutcome> {
    const where = `${target.host}:${target.port}`;
    if (target.type === 'debugpy' && !vscode.extensions.getExtension(PYTHON_DEBUGGER_EXTENSION)) {
      const message = `Server "${name}" runs with debugpy listening on ${where}, but the Python Debugger extension (${PYTHON_DEBUGGER_EXTENSION}) is not installed, so no debugger attached: install it and restart the server.`;
      this.log(id, 'warning', message);
      void vscode.window.showWarningMessage(message, 'Install Python Debugger').then((a) => a && vscode.commands.executeCommand('workbench.extensions.installExtension', PYTHON_DEBUGGER_EXTENSION));
      return 'no-debugger-extension';
    }
    const common = { name: `MCP: ${name}`, request: 'attach', [SERVER_ID_KEY]: id, internalConsoleOptions: 'neverOpen' };
    const config: vscode.DebugConfiguration = target.type === 'node'
      ? { ...common, type: 'node', address: target.host, port: target.port, continueOnAttach: true, timeout: NODE_ATTACH_TIMEOUT_MS }
      : { ...common, type: 'debugpy', connect: { host: target.host, port: target.port } };
    this.log(id, 'info', `attaching the ${target.type} debugger on ${where}`);
    const ok = await vscode.debug.startDebugging(vscode.workspace.workspaceFolders?.[0], config, { suppressSaveBeforeStart: true });
    if (!ok) this.log(id, 'error', `the ${target.type} debugger did not attach on ${where}: see the Debug Console`);
    return ok ? 'attached' : 'failed';
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

function serverIdOf(s: vscode.DebugSession): string | undefined {
  const id = (s.configuration as Record<string, unknown>)[SERVER_ID_KEY] ?? (s.parentSession?.configuration as Record<string, unknown> | undefined)?.[SERVER_ID_KEY];
  return typeof id === 'string' ? id : undefined;
}
