import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import * as vscode from 'vscode';

export const SCHEMA_SCHEME = 'mcp-devtools-schema';

/** A pending "Edit as JSON…": which call the file's arguments are for. */
export interface PendingCall {
  kind: 'tool' | 'prompt';
  serverId: string;
  name: string;
  schema: unknown;
}

/**
 * "Edit as JSON…": the arguments of a call in a JSON editor, with the tool's inputSchema attached
 * through `$schema` (served by a content provider, so VS Code's JSON support completes and
 * validates), a CodeLens "Send" on the first line, and "MCP: Send Arguments" to run the call.
 */
export class ArgsEditor implements vscode.TextDocumentContentProvider, vscode.CodeLensProvider {
  private readonly pending = new Map<string, PendingCall>();
  private readonly dir = path.join(os.tmpdir(), 'mcp-devtools-arguments');

  /** Opens the editor for a call, pre-filled with `args`. @returns the file's URI */
  async open(call: PendingCall, args: unknown): Promise<vscode.Uri> {
    await fs.mkdir(this.dir, { recursive: true });
    const file = path.join(this.dir, `${call.name.replace(/[^\w.-]/g, '_')}.${this.pending.size + 1}.json`);
    const schemaUri = vscode.Uri.from({ scheme: SCHEMA_SCHEME, path: `/${encodeURIComponent(call.serverId)}/${call.kind}/${encodeURIComponent(call.name)}.schema.json` });
    const body = { $schema: schemaUri.toString(), ...(args && typeof args === 'object' && !Array.isArray(args) ? args : {}) };
    await fs.writeFile(file, `${JSON.stringify(body, null, 2)}\n`);
    const uri = vscode.Uri.file(file);
    this.pending.set(uri.toString(), call);
    this.pending.set(schemaUri.toString(), call);
    await vscode.window.showTextDocument(uri);
    return uri;
  }

  /** The call a document's arguments belong to, if it is one of ours. */
  callFor(uri: vscode.Uri): PendingCall | undefined {
    return this.pending.get(uri.toString());
  }

  /**
   * The arguments written in a document (JSONC), without our `$schema` key.
   * @throws Error naming the line of a syntax error, or when the top level is not an object
   */
  static argumentsOf(doc: vscode.TextDocument): Record<string, unknown> {
    const errors: ParseError[] = [];
    const value = parseJsonc(doc.getText(), errors, { allowTrailingComma: true });
    if (errors.length) throw new Error(`the arguments are not valid JSON (line ${doc.positionAt(errors[0].offset).line + 1})`);
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('the arguments must be a JSON object');
    const { $schema: _ignored, ...args } = value as Record<string, unknown>;
    return args;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return JSON.stringify(this.pending.get(uri.toString())?.schema ?? {}, null, 2);
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const call = this.callFor(doc.uri);
    if (!call) return [];
    return [new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), { command: 'mcpDevtools.sendArguments', title: `$(play) Send to ${call.kind} "${call.name}"`, arguments: [doc.uri] })];
  }
}
