import type * as vscode from 'vscode';
import type { ServerDefinition } from '../core/config/model';
import type { VariableContext } from '../core/connection';
import { trustFingerprint, trustSummary } from '../core/trust';

const KEY = 'mcpDevtools.trustedServers';

/**
 * Trust for servers defined in workspace files (a workspace file can make you run anything):
 * - in Restricted Mode (an untrusted workspace) no workspace server starts at all;
 * - otherwise, before its first start, the user sees the exact command line (or URL), variables
 *   resolved as at launch and secrets masked ({@link trustSummary}), and decides; the answer is
 *   remembered by {@link trustFingerprint}, so any change to what runs asks again.
 * User-scope files are the user's own and start without asking.
 *
 * Only `import type` from `vscode`: the workspace's trust and the dialog come in through a
 * {@link TrustHost}, the decisions live in a Memento (unit tests pass stand-ins for both).
 */
export class ServerTrust {
  /** Shows the modal question and returns the action chosen (undefined: cancelled). Tests replace it. */
  dialog: TrustDialog;

  /**
   * @param state where the decisions live (`globalState`), by {@link trustFingerprint}
   * @param variables what the servers' variables resolve to at launch (its `input` is never called here)
   */
  constructor(private readonly state: Pick<vscode.Memento, 'get' | 'update'>, private readonly variables: VariableContext, private readonly host: TrustHost) {
    this.dialog = host.dialog;
  }

  private get decisions(): Record<string, boolean> {
    return this.state.get<Record<string, boolean>>(KEY, {});
  }

  /** Whether the server may start now; asks the user when it was never decided (`ask: false`: never asks). */
  async allow(def: ServerDefinition, scope: 'workspace' | 'user', opts: { ask: boolean }): Promise<{ allowed: boolean; reason?: string }> {
    if (scope === 'user') return { allowed: true };
    if (!this.host.isTrusted()) {
      return { allowed: false, reason: 'This workspace is in Restricted Mode: servers from its config files do not start. Trust the workspace to start them.' };
    }
    const fp = trustFingerprint(def);
    const decided = this.decisions[fp];
    if (decided !== undefined) return decided ? { allowed: true } : { allowed: false, reason: `You chose not to run "${def.name}". Run "MCP: Reset Server Trust" to be asked again.` };
    if (!opts.ask) return { allowed: false, reason: `"${def.name}" has not been trusted yet: start it once to review what it runs.` };
    const run = 'Trust and Start';
    const never = 'Do Not Run';
    const answer = await this.dialog(
      `Start MCP server "${def.name}" from ${this.host.relativePath(def.file)}?`,
      `It will run with your permissions:\n\n${await trustSummary(def, this.variables)}\n\nMCP DevTools remembers your answer until this changes.`,
      [run, never],
    );
    if (answer === undefined) return { allowed: false, reason: 'Start cancelled.' };
    await this.state.update(KEY, { ...this.decisions, [fp]: answer === run });
    return answer === run ? { allowed: true } : { allowed: false, reason: `You chose not to run "${def.name}".` };
  }

  /**
   * Trust for several servers at once (Start All, autostart): one dialog lists every workspace
   * server not decided yet. @returns the ids allowed to start, and a reason for each one that is not.
   */
  async allowMany(items: { id: string; def: ServerDefinition; scope: 'workspace' | 'user' }[], opts: { ask: boolean }): Promise<{ allowed: string[]; refused: Map<string, string> }> {
    const allowed: string[] = [];
    const refused = new Map<string, string>();
    const undecided: typeof items = [];
    for (const it of items) {
      if (it.scope === 'workspace' && this.host.isTrusted() && this.decisions[trustFingerprint(it.def)] === undefined) undecided.push(it);
      else {
        const v = await this.allow(it.def, it.scope, { ask: false });
        if (v.allowed) allowed.push(it.id);
        else refused.set(it.id, v.reason ?? 'Not started.');
      }
    }
    if (!undecided.length) return { allowed, refused };
    if (!opts.ask) {
      for (const it of undecided) refused.set(it.id, `"${it.def.name}" has not been trusted yet: start it once to review what it runs.`);
      return { allowed, refused };
    }
    if (undecided.length === 1) {
      const v = await this.allow(undecided[0].def, 'workspace', opts);
      if (v.allowed) allowed.push(undecided[0].id);
      else refused.set(undecided[0].id, v.reason ?? 'Not started.');
      return { allowed, refused };
    }
    const run = 'Trust and Start All';
    const never = 'Do Not Run';
    const summaries = await Promise.all(undecided.map(async (it) => `• ${it.def.name} (${this.host.relativePath(it.def.file)}):\n${await trustSummary(it.def, this.variables)}`));
    const answer = await this.dialog(
      `Start ${undecided.length} MCP servers from this workspace's config files?`,
      `They will run with your permissions:\n\n${summaries.join('\n\n')}\n\nMCP DevTools remembers your answer until what a server runs changes.`,
      [run, never],
    );
    if (answer !== undefined) {
      const next = { ...this.decisions };
      for (const it of undecided) next[trustFingerprint(it.def)] = answer === run;
      await this.state.update(KEY, next);
    }
    for (const it of undecided) {
      if (answer === run) allowed.push(it.id);
      else refused.set(it.id, answer === never ? `You chose not to run "${it.def.name}". Run "MCP: Reset Server Trust" to be asked again.` : 'Start cancelled.');
    }
    return { allowed, refused };
  }

  /** Marks a server trusted without asking (tests, and "Trust and Start" from elsewhere). */
  async trust(def: ServerDefinition): Promise<void> {
    await this.state.update(KEY, { ...this.decisions, [trustFingerprint(def)]: true });
  }

  /** Forgets every decision: the next start of each workspace server asks again. */
  async reset(): Promise<number> {
    const n = Object.keys(this.decisions).length;
    await this.state.update(KEY, undefined);
    return n;
  }
}

/** A modal question: message, detail text, the action buttons; resolves to the one chosen or undefined. */
export type TrustDialog = (message: string, detail: string, actions: string[]) => Promise<string | undefined>;

/** What trust needs from VS Code: whether the workspace is trusted (not Restricted Mode), paths as shown, the dialog. */
export interface TrustHost {
  isTrusted(): boolean;
  /** A file's path relative to the workspace, as `vscode.workspace.asRelativePath` shows it. */
  relativePath(file: string): string;
  dialog: TrustDialog;
}
