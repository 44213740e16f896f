/** The result view's HTML (src/calls/resultHtml.ts has no `vscode` import): the History's banner, a result that was not kept, hostile server text. */
import * as assert from 'node:assert/strict';
import * as vm from 'node:vm';
import { renderPromptResult, renderToolResult } from '../../../src/core/results';
import { resultHtml } from '../../../src/calls/resultHtml';

const meta = { title: 'echo · everything', subtitle: 'tools/call echo', nonce: 'n0nce', cspSource: 'vscode-resource:', showAll: false };
const banner = { text: 'The result of the call of <today> was not kept.', links: [{ label: 'Re-run', command: 'mcpDevtools.history.rerun', args: [{ id: '1' }] }, { label: 'Edit & Re-run…', command: 'x', args: [] }] };

describe('result view HTML', () => {
  it('a banner with escaped text and links by index (no command ids or arguments in the page)', () => {
    const html = resultHtml(renderToolResult({ content: [{ type: 'text', text: 'Echo: hi' }] }), { ...meta, banner }, (md) => md);
    assert.match(html, /<div class="banner">The result of the call of &lt;today&gt; was not kept\. <a href="#" data-k="n0nce" data-command="0">Re-run<\/a> · <a href="#" data-k="n0nce" data-command="1">Edit &amp; Re-run…<\/a><\/div>/);
    assert.ok(!html.includes('mcpDevtools.history.rerun'));
    assert.match(html, /Echo: hi/);
  });

  it('no result: the header and the banner only, not "(empty result)"', () => {
    const html = resultHtml(undefined, { ...meta, banner }, (md) => md);
    assert.match(html, /<h2>echo · everything<\/h2><div class="meta">tools\/call echo<\/div>/);
    assert.ok(!html.includes('empty result') && !html.includes('class="part'));
  });

  describe('hostile server text (issue 10, defect 3)', () => {
    const HOSTILE = '<script>alert(1)</script><img src=x onerror="alert(2)"><a href="command:workbench.action.terminal.new">run</a><a href="#" data-command="0">forged re-run</a><a href="#" id="showAll">forged</a><a href="#" data-open="file:///etc/passwd">forged open</a>';

    /** Runs the page's own script with a minimal document; returns what each click posts. */
    function clicks(html: string): (anchor: { id?: string; dataset: Record<string, string> }) => unknown[] {
      const script = /<script nonce="[^"]+">([\s\S]*?)<\/script>/.exec(html)![1];
      let onClick: ((e: unknown) => void) | undefined;
      const posted: unknown[] = [];
      vm.runInNewContext(script, {
        acquireVsCodeApi: () => ({ postMessage: (m: unknown) => posted.push(m) }),
        document: { addEventListener: (type: string, f: (e: unknown) => void) => type === 'click' && (onClick = f) },
      });
      return (anchor) => {
        posted.length = 0;
        onClick!({ target: { closest: () => anchor }, preventDefault: () => undefined });
        return JSON.parse(JSON.stringify(posted)) as unknown[]; // from another realm
      };
    }

    it('escapes server text everywhere but prompt Markdown; the CSP allows only the nonce\'s script and style, no remote content', () => {
      const r = renderToolResult({ isError: true, content: [{ type: 'text', text: HOSTILE }, { type: 'resource_link', uri: HOSTILE, name: HOSTILE, description: HOSTILE }] });
      const html = resultHtml(r, { ...meta, title: HOSTILE, subtitle: HOSTILE }, (md) => md);
      assert.ok(!html.includes('<script>alert') && !html.includes('<img src=x') && !html.includes('href="command:'), 'every server text is escaped');
      assert.match(html, /content="default-src 'none'; img-src data:; media-src data:; style-src vscode-resource: 'nonce-n0nce'; script-src 'nonce-n0nce';"/);
    });

    it('a link in a server\'s Markdown cannot pose as the page\'s own links (banner command, show all, open)', () => {
      const r = renderPromptResult({ messages: [{ role: 'user', content: { type: 'text', text: HOSTILE } }] });
      // the Markdown renderer may keep HTML: the worst case
      const html = resultHtml(r, { ...meta, banner }, (md) => md);
      assert.ok(html.includes('<a href="#" data-command="0">forged re-run</a>'), 'the forged link is in the page');
      const click = clicks(html);
      assert.deepEqual(click({ dataset: { command: '0' } }), [], 'forged banner link');
      assert.deepEqual(click({ id: 'showAll', dataset: {} }), [], 'forged show all');
      assert.deepEqual(click({ dataset: { open: 'file:///etc/passwd' } }), [], 'forged open');
      assert.deepEqual(click({ dataset: { k: 'guess', command: '0' } }), [], 'a guessed key');
      assert.deepEqual(click({ dataset: { k: 'n0nce', command: '0' } }), [{ type: 'command', index: 0 }], 'the page\'s own link still works');
    });
  });
});
