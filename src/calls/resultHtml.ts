import { formatBytes, truncationNote, type RenderedResult, type ResultPart } from '../core/results/parts';
import { resourceContentsView } from '../core/results/resourceContents';

/** HTML-escapes text for the result view. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** Safe MIME types for `data:` URLs in the view (images and audio only). */
const SAFE_MEDIA = /^(image\/(png|jpeg|gif|webp|bmp|svg\+xml)|audio\/(wav|x-wav|mpeg|mp3|ogg|webm|flac|aac|mp4))$/i;

function partHtml(p: ResultPart, markdown: (md: string) => string, k: string): string {
  const cut = 'truncated' in p && p.truncated ? `<div class="cut">${truncationNote(p.truncated)}</div>` : '';
  switch (p.kind) {
    case 'text':
      return `<section class="part text"><pre>${esc(p.text)}</pre>${cut}</section>`;
    case 'json':
      return `<section class="part json"><div class="label">JSON</div><pre>${esc(p.text)}</pre>${cut}</section>`;
    case 'image':
      return `<section class="part image"><div class="label">${esc(p.mimeType)} · ${formatBytes(p.bytes)}</div>${p.data && SAFE_MEDIA.test(p.mimeType) ? `<img alt="image result" src="data:${esc(p.mimeType)};base64,${esc(p.data)}">` : '<em>not shown</em>'}${cut}</section>`;
    case 'audio':
      return `<section class="part audio"><div class="label">${esc(p.mimeType)} · ${formatBytes(p.bytes)}</div>${p.data && SAFE_MEDIA.test(p.mimeType) ? `<audio controls src="data:${esc(p.mimeType)};base64,${esc(p.data)}"></audio>` : '<em>not playable here</em>'} <a href="#" ${k} data-save="${esc(p.data)}" data-mime="${esc(p.mimeType)}">Save…</a>${cut}</section>`;
    case 'resourceLink':
      return `<section class="part link"><div class="label">resource link</div><a href="#" ${k} data-open="${esc(p.uri)}">${esc(p.title ?? p.name)}</a> <code>${esc(p.uri)}</code>${p.description ? `<div>${esc(p.description)}</div>` : ''}</section>`;
    case 'resource': {
      const v = resourceContentsView(p);
      return `<section class="part resource"><div class="label">embedded resource <code>${esc(p.uri)}</code> · ${esc(v.summary)}</div>${v.text !== undefined ? `<pre>${esc(v.text)}</pre>` : '<em>binary</em>'}${cut}</section>`;
    }
    case 'structured': {
      const v = p.validation;
      const verdict = v.status === 'valid' ? '<span class="ok">matches outputSchema</span>'
        : v.status === 'invalid' ? `<span class="bad">does not match outputSchema</span><ul>${v.issues.map((i) => `<li><code>${esc(i.pointer || '/')}</code> ${esc(i.message)}</li>`).join('')}</ul>`
          : v.status === 'missing' ? '<span class="bad">the tool declares an outputSchema but sent no structuredContent</span>'
            : v.status === 'unchecked' ? `<span class="warn">not checked: ${esc(v.reason)}</span>` : '<span>no outputSchema</span>';
      return `<section class="part structured"><div class="label">structuredContent · ${verdict}</div><pre>${esc(p.text)}</pre>${cut}</section>`;
    }
    case 'message':
      return `<section class="part message"><div class="role">${esc(p.role)}</div><div class="md">${markdown(p.markdown)}</div></section>`;
    case 'unknown':
      return `<section class="part unknown"><div class="label">${esc(p.type)}</div><pre>${esc(p.text)}</pre></section>`;
  }
}

/** A line above the result with links that run commands (e.g. History's "Re-run"); `args` go to the command as given. */
export interface Banner {
  text: string;
  links: { label: string; command: string; args: unknown[] }[];
}

function bannerHtml(b: Banner | undefined, k: string): string {
  if (!b) return '';
  return `<div class="banner">${esc(b.text)}${b.links.map((l, i) => ` <a href="#" ${k} data-command="${i}">${esc(l.label)}</a>`).join(' ·')}</div>`;
}

/**
 * The whole result view as HTML: an optional banner, a header (what was called, status, duration,
 * size), an error banner for `isError`, then one section per part; with no result (`r` undefined),
 * the header and banner only. Scripts run only with the given nonce; media only from `data:` URLs
 * (images, audio); no remote content. Server-provided text is escaped, except the Markdown of
 * prompt messages (rendered by `markdown`): its HTML may stay, but the CSP stops its scripts,
 * styles and remote content, and the page's click handler acts only on links carrying the nonce.
 */
export function resultHtml(r: RenderedResult | undefined, meta: { title: string; subtitle: string; nonce: string; cspSource: string; showAll: boolean; banner?: Banner }, markdown: (md: string) => string): string {
  const parts = !r ? [] : meta.showAll && r.full ? r.full : r.parts;
  // Our links carry the page's nonce: HTML in a server's Markdown cannot know it, so it cannot pose as them.
  const k = `data-k="${esc(meta.nonce)}"`;
  const status = !r ? '' : r.isError ? ' · <span class="bad">error</span>' : ' · <span class="ok">ok</span>';
  return `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; media-src data:; style-src ${meta.cspSource} 'nonce-${meta.nonce}'; script-src 'nonce-${meta.nonce}';">
<style nonce="${meta.nonce}">
body{font-family:var(--vscode-font-family);font-size:var(--vscode-font-size);color:var(--vscode-foreground);padding:0 12px}
pre{font-family:var(--vscode-editor-font-family);white-space:pre-wrap;word-break:break-word;background:var(--vscode-textCodeBlock-background);padding:8px;border-radius:3px}
.part{margin:10px 0;border-left:2px solid var(--vscode-panel-border);padding-left:8px}.label,.role{opacity:.8;font-size:.9em;margin-bottom:4px}.role{font-weight:bold;text-transform:capitalize}
.ok{color:var(--vscode-testing-iconPassed)}.bad{color:var(--vscode-errorForeground)}.warn{color:var(--vscode-editorWarning-foreground)}
.error{border:1px solid var(--vscode-inputValidation-errorBorder);background:var(--vscode-inputValidation-errorBackground);padding:8px;border-radius:3px}
.banner{border:1px solid var(--vscode-panel-border);background:var(--vscode-textBlockQuote-background);padding:6px 8px;margin-top:10px;border-radius:3px}.cut{font-style:italic;opacity:.8}img{max-width:100%}header h2{margin-bottom:2px}header .meta{opacity:.8}a{color:var(--vscode-textLink-foreground)}
</style></head><body>
${bannerHtml(meta.banner, k)}
<header><h2>${esc(meta.title)}</h2><div class="meta">${esc(meta.subtitle)}${status}${r ? ` · ${r.durationMs !== undefined ? `${r.durationMs} ms · ` : ''}${formatBytes(r.sizeBytes)}` : ''}${r?.truncated && !meta.showAll ? ` · <a href="#" ${k} id="showAll">truncated: show all</a>` : ''}</div></header>
${r?.isError ? `<div class="error"><strong>The tool reported an error</strong>${r.errorMessage ? `: ${esc(r.errorMessage)}` : ''}</div>` : ''}
${r?.description ? `<p>${esc(r.description)}</p>` : ''}
${parts.map((p) => partHtml(p, markdown, k)).join('\n')}
${parts.length || !r ? '' : '<p><em>(empty result)</em></p>'}
<script nonce="${meta.nonce}">
const vscode = acquireVsCodeApi();
const K = ${JSON.stringify(meta.nonce)};
document.addEventListener('click', (e) => {
  const a = e.target.closest('a'); if (!a) return; e.preventDefault();
  if (a.dataset.k !== K) return; // a link in the server's Markdown: never one of ours
  if (a.id === 'showAll') vscode.postMessage({ type: 'showAll' });
  else if (a.dataset.open) vscode.postMessage({ type: 'open', uri: a.dataset.open });
  else if (a.dataset.command) vscode.postMessage({ type: 'command', index: Number(a.dataset.command) });
  else if (a.dataset.save) vscode.postMessage({ type: 'save', data: a.dataset.save, mime: a.dataset.mime });
});
</script></body></html>`;
}
