/**
 * The Protocol view's page: a toolbar (filter text, direction, errors only, clear) made of
 * @vscode-elements components, and the list the script (`dist/protocolView.js`, built from
 * `protocolView/main.ts`) fills. Only that script runs (its nonce); styles come from the page's
 * nonce-tagged block and the theme's CSS variables; nothing remote.
 */

/** HTML-escaped text. */
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function protocolHtml(o: { title: string; nonce: string; cspSource: string; script: string }): string {
  const n = esc(o.nonce);
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-${n}'; style-src ${o.cspSource} 'nonce-${n}'; font-src ${o.cspSource};">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(o.title)}</title>
<style nonce="${n}">
body{font-family:var(--vscode-font-family);font-size:var(--vscode-font-size);color:var(--vscode-foreground);padding:0;margin:0}
header{position:sticky;top:0;z-index:1;background:var(--vscode-editor-background);padding:8px 12px;border-bottom:1px solid var(--vscode-panel-border);display:flex;flex-wrap:wrap;gap:8px;align-items:center}
header vscode-textfield{flex:1 1 240px;min-width:160px}header vscode-single-select{width:11em}
#counts{opacity:.8;margin-left:auto;white-space:nowrap}
#list{padding:0 0 12px 0}
.row{border-bottom:1px solid var(--vscode-editorGroup-border,transparent)}
.sum{all:unset;box-sizing:border-box;display:grid;grid-template-columns:1.2em 7.4em 7.4em minmax(4em,1fr) 3.5em 5.5em 5.5em;gap:6px;width:100%;padding:3px 12px;cursor:pointer;font-family:var(--vscode-editor-font-family);font-size:var(--vscode-editor-font-size)}
.sum:hover{background:var(--vscode-list-hoverBackground)}
.sum:focus-visible{outline:1px solid var(--vscode-focusBorder);outline-offset:-1px;background:var(--vscode-list-focusBackground,transparent)}
.sum[aria-expanded="true"]{background:var(--vscode-list-inactiveSelectionBackground)}
.sum span{overflow:hidden;text-overflow:ellipsis;white-space:nowrap;line-height:1.5}
.num{text-align:right;font-variant-numeric:tabular-nums}
.sent{color:var(--vscode-charts-blue,var(--vscode-foreground))}.received{color:var(--vscode-charts-green,var(--vscode-foreground))}
.kind{opacity:.8}.err{color:var(--vscode-errorForeground)}.muted{opacity:.65}
.detail{padding:4px 12px 10px 3.2em}
.detail pre{margin:6px 0 0 0;font-family:var(--vscode-editor-font-family);font-size:var(--vscode-editor-font-size);white-space:pre-wrap;word-break:break-word;background:var(--vscode-textCodeBlock-background);padding:8px;border-radius:3px;max-height:60vh;overflow:auto}
.detail .note{font-style:italic;opacity:.8;margin-top:4px}
.detail .actions{display:flex;gap:8px;align-items:center}
.empty{padding:16px 12px;opacity:.8}
@media (max-width:640px){.sum{grid-template-columns:1.2em 7.4em minmax(4em,1fr) 3.5em 5.5em 5.5em}.sum .time{display:none}.detail{padding-left:12px}}
</style></head><body>
<header role="search">
  <vscode-textfield id="text" placeholder="Filter by method or text" aria-label="Filter by method or text"></vscode-textfield>
  <vscode-single-select id="direction" aria-label="Direction">
    <vscode-option value="all">Both directions</vscode-option>
    <vscode-option value="sent">Sent</vscode-option>
    <vscode-option value="received">Received</vscode-option>
  </vscode-single-select>
  <vscode-checkbox id="errors" label="Errors only">Errors only</vscode-checkbox>
  <vscode-button id="clear" secondary title="Forget the messages kept for this server">Clear</vscode-button>
  <span id="counts" aria-live="polite"></span>
</header>
<div id="list" role="list" aria-label="JSON-RPC messages, newest first. Up and Down move, Enter expands."></div>
<script nonce="${n}" src="${esc(o.script)}"></script>
</body></html>`;
}
