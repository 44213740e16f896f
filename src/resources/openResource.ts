import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { languageForMime, resourceUri } from './resourceDocuments';
import type { ResourcesContext } from './resourcesContext';
import { pickServer } from '../servers/pickServer';

export interface OpenResourceArgs {
  serverId: string;
  uri: string;
}

/**
 * MCP: Open Resource… — text resources open in a read-only editor (language from the MIME type,
 * JSON pretty-printed); images open in VS Code's image preview; other binaries are offered for saving.
 * @returns the URI of the opened document or file, or undefined.
 */
export async function openResource(ctx: ResourcesContext, args?: OpenResourceArgs): Promise<vscode.Uri | undefined> {
  let serverId = args?.serverId;
  let uri = args?.uri;
  if (!serverId) serverId = await pickServer(ctx, undefined, 'MCP: Open Resource', (s) => s.kind === 'running');
  if (!serverId) return undefined;
  const server = await ctx.live.requireRunning(serverId, { start: false });
  if (!uri) {
    const pick = await vscode.window.showQuickPick(server.resources.map((r) => ({ label: r.title ?? r.name, description: r.uri, detail: r.description, uri: r.uri })), { title: 'MCP: Open Resource', placeHolder: 'Pick a resource', matchOnDescription: true });
    uri = pick?.uri;
  }
  if (!uri) return undefined;
  const result = await ctx.live.readResource(serverId, uri);
  const first = result.contents[0];
  if (first && 'blob' in first && typeof first.blob === 'string') {
    const bytes = Buffer.from(first.blob, 'base64');
    const name = path.basename(uri.replace(/[?#].*$/, '')) || 'resource';
    if (first.mimeType?.startsWith('image/')) {
      const ext = first.mimeType.split('/')[1]?.replace('svg+xml', 'svg') ?? 'bin';
      const file = path.join(os.tmpdir(), `mcp-resource-${Date.now()}-${name.replace(/[^\w.-]/g, '_')}${name.includes('.') ? '' : `.${ext}`}`);
      await fs.writeFile(file, bytes);
      const target = vscode.Uri.file(file);
      await vscode.commands.executeCommand('vscode.open', target);
      return target;
    }
    const target = await vscode.window.showSaveDialog({ title: `Save ${uri} (${first.mimeType ?? 'binary'}, ${bytes.length} bytes)`, defaultUri: vscode.Uri.file(path.join(os.homedir(), name)) });
    if (target) await vscode.workspace.fs.writeFile(target, bytes);
    return target;
  }
  const docUri = resourceUri(serverId, server.name, uri);
  ctx.resources.prime(docUri, result);
  let doc = await vscode.workspace.openTextDocument(docUri);
  const language = languageForMime(first?.mimeType);
  if (language && doc.languageId !== language) doc = await vscode.languages.setTextDocumentLanguage(doc, language);
  await vscode.window.showTextDocument(doc, { preview: true });
  return docUri;
}
