import type * as vscode from 'vscode';

const KEY = 'mcpDevtools.lastArguments';
/** How many tools' and prompts' last arguments are kept per workspace (the least recently used go first). */
const MAX_REMEMBERED = 200;

/**
 * The last arguments of each tool and prompt, per workspace (`workspaceState`), offered first the
 * next time. Keyed by server name and tool/prompt name so they survive config edits; at most 200
 * entries (the oldest go first). Only `import type` from `vscode`: unit tests pass a Memento stand-in.
 */
export class LastArguments {
  constructor(private readonly state: Pick<vscode.Memento, 'get' | 'update'>) {}

  private key(server: string, kind: 'tool' | 'prompt', name: string): string {
    return `${server}\u0000${kind}\u0000${name}`;
  }

  get(server: string, kind: 'tool' | 'prompt', name: string): unknown {
    return this.state.get<Record<string, unknown>>(KEY, {})[this.key(server, kind, name)];
  }

  async set(server: string, kind: 'tool' | 'prompt', name: string, args: unknown): Promise<void> {
    const all = { ...this.state.get<Record<string, unknown>>(KEY, {}) };
    const k = this.key(server, kind, name);
    delete all[k];
    all[k] = args;
    const keys = Object.keys(all);
    for (const old of keys.slice(0, Math.max(0, keys.length - MAX_REMEMBERED))) delete all[old];
    await this.state.update(KEY, all);
  }
}
