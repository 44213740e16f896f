import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { FormPlan } from '../core/forms';
import type { FormViewToHost, FormViewToWebview } from '../core/forms/formViewMessages';
import { loadLive } from '../core/lazy';
import { esc } from './resultHtml';

/** How a form view ended: the arguments (Ajv-valid), a switch to the input boxes with the values so far, or a cancel. */
export type FormViewOutcome = { kind: 'done'; arguments: unknown } | { kind: 'inputBoxes'; arguments: unknown } | { kind: 'cancel' };

/** An open form view: its panel, and what tests use to drive it through the webview's message API. */
export interface FormViewSession {
  panel: vscode.WebviewPanel;
  /** Sends a message to the webview (the `test.*` messages act as the user would). */
  post(message: FormViewToWebview): Thenable<boolean>;
  /** The webview's answer to the next `test.*` message. */
  nextState(): Promise<Extract<FormViewToHost, { type: 'state' }>>;
  /** Resolves once the webview has its form (after `init`). */
  ready: Promise<void>;
}

/**
 * The form view: a call's whole form on one screen, in a webview panel (the script is
 * dist/formView.js, built from src/webview/formView.ts with @vscode-elements/elements). It shows the
 * plan's {@link formModel}; as the user types it sends back the values, checked with Ajv here
 * (issues by field pointer go back to the webview); Send runs the same check and ends the form
 * only when it passes. One form view at a time: opening another closes the one before (cancelled).
 */
export class FormViews implements vscode.Disposable {
  /** The open form view, if any (tests drive it). */
  active: FormViewSession | undefined;
  private readonly opened = new vscode.EventEmitter<FormViewSession>();
  /** Fires when a form view opens. */
  readonly onDidOpen = this.opened.event;
  private closeActive: (() => void) | undefined;

  constructor(private readonly extensionUri: vscode.Uri) {}

  /**
   * Shows the form of `plan` pre-filled with `initial` and resolves when the user sends valid
   * arguments, switches to the input boxes, or closes it (Escape, Cancel, closing the tab).
   */
  open(plan: FormPlan, opts: { title: string; initial?: unknown }): Promise<FormViewOutcome> {
    this.closeActive?.();
    const { formModel, checkFormValue } = loadLive();
    const model = formModel(plan);
    const dist = vscode.Uri.joinPath(this.extensionUri, 'dist');
    const panel = vscode.window.createWebviewPanel('mcpDevtools.formView', opts.title, { viewColumn: vscode.ViewColumn.Active, preserveFocus: false }, { enableScripts: true, localResourceRoots: [dist], retainContextWhenHidden: true });
    const nonce = randomBytes(16).toString('base64');
    panel.webview.html = formViewHtml({ title: opts.title, nonce, cspSource: panel.webview.cspSource, script: panel.webview.asWebviewUri(vscode.Uri.joinPath(dist, 'formView.js')).toString() });
    const waiting: ((s: Extract<FormViewToHost, { type: 'state' }>) => void)[] = [];
    let markReady!: () => void;
    const session: FormViewSession = {
      panel,
      post: (m) => panel.webview.postMessage(m),
      nextState: () => new Promise((resolve) => waiting.push(resolve)),
      ready: new Promise<void>((r) => (markReady = r)),
    };
    this.active = session;
    return new Promise<FormViewOutcome>((resolve) => {
      let done = false;
      const finish = (o: FormViewOutcome) => {
        if (done) return;
        done = true;
        if (this.active === session) this.active = undefined;
        if (this.closeActive === close) this.closeActive = undefined;
        sub.dispose();
        resolve(o);
        panel.dispose();
      };
      const close = () => finish({ kind: 'cancel' });
      this.closeActive = close;
      panel.onDidDispose(close);
      const sub = panel.webview.onDidReceiveMessage((m: FormViewToHost) => {
        switch (m.type) {
          case 'ready':
            void panel.webview.postMessage({ type: 'init', model, initial: opts.initial ?? {} } satisfies FormViewToWebview);
            markReady();
            break;
          case 'change':
            void panel.webview.postMessage({ type: 'issues', issues: checkFormValue(plan, m.value).issues } satisfies FormViewToWebview);
            break;
          case 'submit': {
            // the same final check as the input boxes: the whole arguments against the schema
            const r = checkFormValue(plan, m.value);
            if (r.valid) finish({ kind: 'done', arguments: m.value });
            else void panel.webview.postMessage({ type: 'issues', issues: r.issues, focus: true } satisfies FormViewToWebview);
            break;
          }
          case 'inputBoxes':
            finish({ kind: 'inputBoxes', arguments: m.value });
            break;
          case 'cancel':
            finish({ kind: 'cancel' });
            break;
          case 'state':
            waiting.shift()?.(m);
            break;
        }
      });
      this.opened.fire(session);
    });
  }

  dispose(): void {
    this.closeActive?.();
    this.opened.dispose();
  }
}

/** The form view's page: the form is built by the script; styles follow the theme's CSS variables. */
export function formViewHtml(meta: { title: string; nonce: string; cspSource: string; script: string }): string {
  const n = esc(meta.nonce);
  return `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${meta.cspSource} 'nonce-${n}'; font-src ${meta.cspSource}; script-src 'nonce-${n}';">
<style nonce="${n}">
body{font-family:var(--vscode-font-family);font-size:var(--vscode-font-size);color:var(--vscode-foreground);padding:0 16px 16px;max-width:52rem}
header{position:sticky;top:0;background:var(--vscode-editor-background);padding:8px 0;z-index:1;border-bottom:1px solid var(--vscode-panel-border);display:flex;gap:8px;align-items:center;flex-wrap:wrap}
header h2{margin:0 auto 0 0;font-size:1.15em}
.keys{opacity:.75;font-size:.9em;width:100%}
.field{margin:10px 0}
fieldset{border:1px solid var(--vscode-panel-border);border-radius:4px;margin:8px 0;padding:4px 12px}
legend{font-weight:600;padding:0 4px}
ol.items{padding-left:1.5em;margin:4px 0}
ol.items>li{margin:6px 0;display:flex;gap:8px;align-items:flex-start}
ol.items>li>:first-child{flex:1}
.entry{display:flex;gap:8px;align-items:flex-start;margin:6px 0}
.entry>.field{flex:1;margin:0}
vscode-textfield,vscode-textarea,vscode-single-select,vscode-multi-select{width:100%}
.issue{color:var(--vscode-errorForeground);font-size:.9em;white-space:pre-wrap}
.issue:empty{display:none}
#summary{color:var(--vscode-errorForeground);white-space:pre-wrap;margin-top:8px}
.optional-body,.variant-body{margin-left:12px}
</style></head><body>
<header><h2>${esc(meta.title)}</h2>
<vscode-button id="send">Send</vscode-button>
<vscode-button id="boxes" secondary>Use Input Boxes</vscode-button>
<vscode-button id="cancel" secondary>Cancel</vscode-button>
<div class="keys">Tab: next field · Enter in a field or Ctrl/Cmd+Enter: send · Escape: cancel</div></header>
<main id="form" aria-label="arguments"></main>
<div id="summary" role="alert"></div>
<script nonce="${n}" src="${esc(meta.script)}"></script>
</body></html>`;
}
