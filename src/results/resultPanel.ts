import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { RenderedResult } from '../core/results';
import { esc, resultHtml } from './resultHtml';

/** A shown result: what the view needs besides the rendered parts. */
export interface ShownResult {
  title: string;
  subtitle: string;
  serverId: string;
  rendered: RenderedResult;
}

/**
 * One result view (webview panel) per call: text, pretty JSON, images inline, audio playable or
 * saved, resource links that open through the resource documents, embedded resources,
 * structuredContent with its outputSchema verdict, isError as an error, duration and size, and
 * "show all" for truncated results. Prompt messages render as Markdown by role.
 */
export class ResultPanels {
  /** The last result shown (for tests and "copy"). */
  last: ShownResult | undefined;

  constructor(private readonly openResource: (serverId: string, uri: string) => Thenable<unknown>) {}

  async show(result: ShownResult): Promise<vscode.WebviewPanel> {
    this.last = result;
    const panel = vscode.window.createWebviewPanel('mcpDevtools.result', result.title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, localResourceRoots: [] });
    const markdown = await markdownRenderer(result.rendered);
    const render = (showAll: boolean) => {
      panel.webview.html = resultHtml(result.rendered, { title: result.title, subtitle: result.subtitle, nonce: randomBytes(16).toString('base64'), cspSource: panel.webview.cspSource, showAll }, markdown);
    };
    render(false);
    panel.webview.onDidReceiveMessage(async (m: { type: string; uri?: string; data?: string; mime?: string }) => {
      if (m.type === 'showAll') render(true);
      else if (m.type === 'open' && m.uri) await this.openResource(result.serverId, m.uri);
      else if (m.type === 'save' && m.data) {
        const ext = (m.mime ?? '').split('/')[1] ?? 'bin';
        const target = await vscode.window.showSaveDialog({ title: 'Save audio', filters: { [m.mime ?? 'audio']: [ext] } });
        if (target) await vscode.workspace.fs.writeFile(target, Buffer.from(m.data, 'base64'));
      }
    });
    return panel;
  }
}

/** Markdown → HTML with VS Code's built-in Markdown renderer (any script in it is blocked by the view's CSP); plain text when absent. */
async function markdownRenderer(r: RenderedResult): Promise<(md: string) => string> {
  const rendered = new Map<string, string>();
  for (const p of r.full ?? r.parts) {
    if (p.kind !== 'message') continue;
    try {
      const html = await vscode.commands.executeCommand<string>('markdown.api.render', p.markdown);
      if (typeof html === 'string') rendered.set(p.markdown, html);
    } catch {
      // the markdown extension is disabled: plain text below
    }
  }
  return (md) => rendered.get(md) ?? `<pre>${esc(md)}</pre>`;
}
