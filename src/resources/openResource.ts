import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import * as vscode from 'vscode';
import { renderResourceResult } from '../core/lazy';
import { resourceContentsView } from '../core/results/resourceContents';
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
  return showResource(ctx, serverId, uri, await ctx.live.readResource(serverId, uri));
}

/**
 * Shows what `resources/read` gave for `uri` (Open Resource, and a resource template's call): text
 * contents in a read-only editor (language from the MIME type; see `ResourceDocuments`), an image
 * in VS Code's image preview, other binary contents offered for saving.
 * @returns the URI of the opened document or file, or undefined when the save was declined
 */
export async function showResource(ctx: ResourcesContext, serverId: string, uri: string, result: ReadResourceResult): Promise<vscode.Uri | undefined> {
  const [first] = renderResourceResult(result, { limitBytes: Number.POSITIVE_INFINITY }).parts;
  const contents = first?.kind === 'resource' ? first : undefined;
  if (contents?.blob !== undefined) {
    const bytes = Buffer.from(contents.blob, 'base64');
    const name = path.basename(uri.replace(/[?#].*$/, '')) || 'resource';
    if (contents.mimeType?.startsWith('image/')) {
      const ext = contents.mimeType.split('/')[1]?.replace('svg+xml', 'svg') ?? 'bin';
      const file = path.join(os.tmpdir(), `mcp-resource-${Date.now()}-${name.replace(/[^\w.-]/g, '_')}${name.includes('.') ? '' : `.${ext}`}`);
      await fs.writeFile(file, bytes);
      const target = vscode.Uri.file(file);
      await vscode.commands.executeCommand('vscode.open', target);
      return target;
    }
    const target = await vscode.window.showSaveDialog({ title: `Save ${uri} (${resourceContentsView(contents).summary})`, defaultUri: vscode.Uri.file(path.join(os.homedir(), name)) });
    if (target) await vscode.workspace.fs.writeFile(target, bytes);
    return target;
  }
  const docUri = resourceUri(serverId, ctx.live.snapshot(serverId)?.definition.name ?? serverId, uri);
  ctx.resources.prime(docUri, result);
  let doc = await vscode.workspace.openTextDocument(docUri);
  const language = languageForMime(contents?.mimeType);
  if (language && doc.languageId !== language) doc = await vscode.languages.setTextDocumentLanguage(doc, language);
  await vscode.window.showTextDocument(doc, { preview: true });
  return docUri;
}
