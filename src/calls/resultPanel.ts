import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { RenderedResult } from '../core/results';
import { esc, resultHtml, type Banner } from './resultHtml';

/** A result to show, and which view shows it: one view per `kind` + `serverId` + `name`. */
export interface ShownResult {
  kind: 'tool' | 'prompt';
  serverId: string;
  /** The tool's or prompt's name. */
  name: string;
  title: string;
  subtitle: string;
  /** The result; undefined when a History entry did not keep it (the banner says why). */
  rendered: RenderedResult | undefined;
  /** A line above the result, with command links (e.g. "From History… Re-run"). */
  banner?: Banner;
}

/** The view of one tool or prompt: its panel and what it shows now. */
interface View {
  key: string;
  panel: vscode.WebviewPanel;
  shown: ShownResult;
}

/**
 * The result views (webview panels): **one per tool or prompt of a server**, updated in place by
 * every call of it, opened beside the active editor and never taking focus. They show text, pretty
 * JSON, images inline, audio playable or saved, resource links that open through the resource
 * documents, embedded resources, structuredContent with its outputSchema verdict, isError as an
 * error, duration and size, and "show all" for truncated results. Prompt messages render as
 * Markdown by role.
 */
export class ResultPanels implements vscode.Disposable {
  /** The last result shown (for tests and "copy"). */
  last: ShownResult | undefined;
  private readonly views = new Map<string, View>();

  constructor(private readonly openResource: (serverId: string, uri: string) => Thenable<unknown>) {}

  /**
   * Shows `result` in its tool's (or prompt's) view: the existing one, updated and brought to the
   * front of its group without focus, or a new one beside the active editor.
   * @returns the view's panel
   */
  async show(result: ShownResult): Promise<vscode.WebviewPanel> {
    this.last = result;
    const key = JSON.stringify([result.kind, result.serverId, result.name]);
    let view = this.views.get(key);
    if (view) {
      view.shown = result;
      view.panel.title = result.title;
      if (!view.panel.visible) view.panel.reveal(undefined, true);
    } else {
      const panel = vscode.window.createWebviewPanel('mcpDevtools.result', result.title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, localResourceRoots: [] });
      const created: View = { key, panel, shown: result };
      view = created;
      this.views.set(key, created);
      panel.onDidDispose(() => this.views.get(key) === created && this.views.delete(key));
      panel.webview.onDidReceiveMessage((m: Message) => this.onMessage(created, m));
    }
    await this.render(view, false);
    return view.panel;
  }

  /** Closes every result view. */
  dispose(): void {
    for (const v of [...this.views.values()]) v.panel.dispose();
  }

  private async render(view: View, showAll: boolean): Promise<void> {
    const { shown, panel } = view;
    const markdown = shown.rendered ? await markdownRenderer(shown.rendered) : () => '';
    if (view.shown !== shown || this.views.get(view.key) !== view) return; // a newer result arrived meanwhile, or the view was closed
    panel.webview.html = resultHtml(shown.rendered, { title: shown.title, subtitle: shown.subtitle, nonce: randomBytes(16).toString('base64'), cspSource: panel.webview.cspSource, showAll, banner: shown.banner }, markdown);
  }

  private async onMessage(view: View, m: Message): Promise<void> {
    const { shown } = view;
    if (m.type === 'showAll') await this.render(view, true);
    else if (m.type === 'open' && m.uri) await this.openResource(shown.serverId, m.uri);
    else if (m.type === 'command' && m.index !== undefined) {
      const link = shown.banner?.links[m.index];
      if (link) await vscode.commands.executeCommand(link.command, ...link.args);
    } else if (m.type === 'save' && m.data) {
      const ext = (m.mime ?? '').split('/')[1] ?? 'bin';
      const target = await vscode.window.showSaveDialog({ title: 'Save audio', filters: { [m.mime ?? 'audio']: [ext] } });
      if (target) await vscode.workspace.fs.writeFile(target, Buffer.from(m.data, 'base64'));
    }
  }
}

/** What the view's script posts. */
interface Message {
  type: string;
  uri?: string;
  data?: string;
  mime?: string;
  index?: number;
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
