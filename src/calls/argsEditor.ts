import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ParseError } from 'jsonc-parser';
import { parseJsonc } from '../core/lazy';
import * as vscode from 'vscode';
import { CommandIds } from '../commandIds';

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
  private opened = 0;

  /** Opens the editor for a call, pre-filled with `args`. @returns the file's URI */
  async open(call: PendingCall, args: unknown): Promise<vscode.Uri> {
    await fs.mkdir(this.dir, { recursive: true });
    const n = ++this.opened;
    const safeName = call.name.replace(/[^\w.-]/g, '_');
    const file = path.join(this.dir, `${safeName}.${n}.json`);
    const schemaUri = ArgsEditor.schemaUri(call, n);
    const body = { $schema: schemaUri.toString(), ...(args && typeof args === 'object' && !Array.isArray(args) ? args : {}) };
    await fs.writeFile(file, `${JSON.stringify(body, null, 2)}\n`);
    const uri = vscode.Uri.file(file);
    this.pending.set(uri.toString(), call);
    this.pending.set(schemaUri.toString(), call);
    await vscode.window.showTextDocument(uri);
    return uri;
  }

  /**
   * The URI the arguments file names in `$schema`: `mcp-devtools-schema:/<n>/<kind>/<name>.schema.json`,
   * where `n` numbers the opened editors (a fresh URI each time, so the JSON language server never
   * validates against a schema it cached before the server changed its tools) and `name` keeps only
   * `[A-Za-z0-9_.-]`. No server id (a file path with `/` and `#`) and nothing to percent-encode: the
   * text is the same after every parse/toString round trip. VS Code's JSON language server reads it
   * with `Uri.parse`, normalises it with `toString(true)` and fetches any scheme that is not http(s)
   * through `workspace.openTextDocument`, i.e. {@link provideTextDocumentContent}; a percent-encoded
   * segment that came out double-encoded (`%252F`) made it fail with a UriError and validate nothing.
   */
  static schemaUri(call: Pick<PendingCall, 'kind' | 'name'>, n: number): vscode.Uri {
    return vscode.Uri.from({ scheme: SCHEMA_SCHEME, path: `/${n}/${call.kind}/${call.name.replace(/[^\w.-]/g, '_')}.schema.json` });
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
    return [new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), { command: CommandIds.sendArguments, title: `$(play) Send to ${call.kind} "${call.name}"`, arguments: [doc.uri] })];
  }
}
