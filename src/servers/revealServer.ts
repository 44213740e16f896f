import * as vscode from 'vscode';
import type { ServersContext } from './serversContext';

/** Where to go: a serialisable location (zero-based line and character). */
export interface RevealArgs {
  file: string;
  line?: number;
  character?: number;
}

/** Opens a config file at a position (a server's definition, or a parse error). */
export async function revealServer(_ctx: ServersContext, args?: RevealArgs): Promise<void> {
  if (!args?.file) return;
  const pos = new vscode.Position(args.line ?? 0, args.character ?? 0);
  await vscode.window.showTextDocument(vscode.Uri.file(args.file), { selection: new vscode.Range(pos, pos), preview: true });
}
