/** The result view's HTML (src/calls/resultHtml.ts has no `vscode` import): the History's banner and a result that was not kept. */
import * as assert from 'node:assert/strict';
import { renderToolResult } from '../../../src/core/results';
import { resultHtml } from '../../../src/calls/resultHtml';

const meta = { title: 'echo · everything', subtitle: 'tools/call echo', nonce: 'n0nce', cspSource: 'vscode-resource:', showAll: false };
const banner = { text: 'The result of the call of <today> was not kept.', links: [{ label: 'Re-run', command: 'mcpDevtools.history.rerun', args: [{ id: '1' }] }, { label: 'Edit & Re-run…', command: 'x', args: [] }] };

describe('result view HTML', () => {
  it('a banner with escaped text and links by index (no command ids or arguments in the page)', () => {
    const html = resultHtml(renderToolResult({ content: [{ type: 'text', text: 'Echo: hi' }] }), { ...meta, banner }, (md) => md);
    assert.match(html, /<div class="banner">The result of the call of &lt;today&gt; was not kept\. <a href="#" data-command="0">Re-run<\/a> · <a href="#" data-command="1">Edit &amp; Re-run…<\/a><\/div>/);
    assert.ok(!html.includes('mcpDevtools.history.rerun'));
    assert.match(html, /Echo: hi/);
  });

  it('no result: the header and the banner only, not "(empty result)"', () => {
    const html = resultHtml(undefined, { ...meta, banner }, (md) => md);
    assert.match(html, /<h2>echo · everything<\/h2><div class="meta">tools\/call echo<\/div>/);
    assert.ok(!html.includes('empty result') && !html.includes('class="part'));
  });
});
