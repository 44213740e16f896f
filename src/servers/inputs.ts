import * as vscode from 'vscode';
import type { InputDefinition } from '../core/config/model';

const PREFIX = 'mcpDevtools.input.';

/**
 * Answers `${input:id}` for the connection layer: asked once (masked when the input says
 * `password: true`, a pick list for `pickString`) and kept in VS Code's SecretStorage, never in
 * settings or logs. Returns `undefined` when the user cancels (the server then does not start).
 */
export class InputValues {
  constructor(private readonly secrets: vscode.SecretStorage, private readonly definitions: () => InputDefinition[]) {}

  async get(id: string): Promise<string | undefined> {
    const stored = await this.secrets.get(PREFIX + id);
    if (stored !== undefined) return stored;
    const def = this.definitions().find((d) => d.id === id);
    let value: string | undefined;
    if (def?.type === 'pickString' && def.options?.length) {
      value = await vscode.window.showQuickPick(def.options, { title: `MCP input "${id}"`, placeHolder: def.description ?? `Pick a value for \${input:${id}}`, ignoreFocusOut: true });
    } else {
      value = await vscode.window.showInputBox({
        title: `MCP input "${id}"`,
        prompt: def?.description ?? `A value for \${input:${id}} (stored in VS Code's secret storage)`,
        value: def?.default,
        password: def?.password ?? true,
        ignoreFocusOut: true,
      });
    }
    if (value !== undefined) await this.secrets.store(PREFIX + id, value);
    return value;
  }
}
