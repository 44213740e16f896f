import * as path from 'node:path';
import type { ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import * as vscode from 'vscode';
import { renderResourceResult } from '../core/lazy';
import { resourceContentsText } from '../core/results/resourceContents';
import type { LiveServers } from '../servers/liveServers';

// Not `mcp-resource`: VS Code's own MCP support registers a file system for that scheme (McpResourceURI).
export const RESOURCE_SCHEME = 'mcp-devtools-resource';

/** `mcp-devtools-resource:/<server>/<name>?<json>`: the path ends in the resource's name (for the tab title). */
export function resourceUri(serverId: string, serverName: string, uri: string): vscode.Uri {
  const name = path.posix.basename(uri.replace(/[?#].*$/, '')) || uri.replace(/^[a-z]+:\/*/i, '') || 'resource';
  return vscode.Uri.from({ scheme: RESOURCE_SCHEME, path: `/${serverName}/${name}`, query: JSON.stringify({ serverId, uri }) });
}

export function parseResourceUri(u: vscode.Uri): { serverId: string; uri: string } {
  const q = JSON.parse(u.query) as { serverId?: unknown; uri?: unknown };
  if (typeof q.serverId !== 'string' || typeof q.uri !== 'string') throw new Error(`not an MCP resource URI: ${u.toString()}`);
  return { serverId: q.serverId, uri: q.uri };
}

/** A VS Code language id for a MIME type, or undefined to let VS Code guess from the name. */
export function languageForMime(mime: string | undefined): string | undefined {
  if (!mime) return undefined;
  const m = mime.split(';')[0].trim().toLowerCase();
  const table: Record<string, string> = {
    'application/json': 'json', 'text/markdown': 'markdown', 'text/html': 'html', 'text/css': 'css', 'text/csv': 'csv',
    'application/javascript': 'javascript', 'text/javascript': 'javascript', 'application/typescript': 'typescript',
    'application/xml': 'xml', 'text/xml': 'xml', 'application/yaml': 'yaml', 'text/yaml': 'yaml', 'text/x-python': 'python',
    'application/x-sh': 'shellscript', 'text/plain': 'plaintext',
  };
  return table[m] ?? (m.endsWith('+json') ? 'json' : m.endsWith('+xml') ? 'xml' : undefined);
}

/**
 * Read-only documents for MCP text resources (`resources/read`). JSON is pretty-printed; binary
 * contents are summarized (the open command offers images in a preview and other binaries for
 * saving). A `resources/updated` notification refreshes the open document.
 */
export class ResourceDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  private readonly updates: vscode.Disposable;
  /** The MIME type each open document was read with (for its language). */
  /** Open documents whose resource we subscribed to (`resources/subscribe`), by document URI. */
  private readonly subscribed = new Map<string, { serverId: string; uri: string }>();
  private readonly closeSub: vscode.Disposable;
  /** A result already read by the open command, used once instead of reading the resource again. */
  private readonly primed = new Map<string, ReadResourceResult>();

  constructor(private readonly live: LiveServers) {
    this.updates = live.onResourceUpdated((serverId, uri) => {
      for (const doc of vscode.workspace.textDocuments) {
        if (doc.uri.scheme !== RESOURCE_SCHEME) continue;
        const r = parseResourceUri(doc.uri);
        if (r.serverId === serverId && r.uri === uri) this.emitter.fire(doc.uri);
      }
    });
    this.closeSub = vscode.workspace.onDidCloseTextDocument((doc) => {
      const sub = this.subscribed.get(doc.uri.toString());
      if (!sub) return;
      this.subscribed.delete(doc.uri.toString());
      void this.live.unsubscribeResource(sub.serverId, sub.uri);
    });
  }

  /** Subscribes to updates of the resource behind an open document, where the server supports it. */
  private subscribe(u: vscode.Uri, serverId: string, uri: string): void {
    if (this.subscribed.has(u.toString()) || !this.live.snapshot(serverId)?.info?.capabilities.resources?.subscribe) return;
    this.subscribed.set(u.toString(), { serverId, uri });
    void this.live.subscribeResource(serverId, uri).catch(() => this.subscribed.delete(u.toString()));
  }

  /** Hands over a `resources/read` result for the document about to open, so it is not read twice. */
  prime(u: vscode.Uri, result: ReadResourceResult): void {
    this.primed.set(u.toString(), result);
  }

  async provideTextDocumentContent(u: vscode.Uri): Promise<string> {
    const { serverId, uri } = parseResourceUri(u);
    let result = this.primed.get(u.toString());
    this.primed.delete(u.toString());
    try {
      result ??= await this.live.readResource(serverId, uri);
    } catch (e) {
      return `Could not read ${uri}: ${this.live.redact(serverId, (e as Error).message)}\n\nStart the server and reopen the resource.`;
    }
    this.subscribe(u, serverId, uri);
    return resourceContentsText(renderResourceResult(result, { limitBytes: Number.POSITIVE_INFINITY }), { binaryHint: 'use "MCP: Open Resource…" to preview or save it' });
  }

  dispose(): void {
    this.updates.dispose();
    this.closeSub.dispose();
    this.emitter.dispose();
  }
}
