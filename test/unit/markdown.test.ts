/** Server instructions in a hover, shortened at a line break with "…", valid Markdown. */
import * as assert from 'node:assert/strict';
import { escapeMarkdown, markdownCode, markdownExcerpt } from '../../src/core/markdown';

const limits = { maxChars: 120, maxLines: 6 };

describe('markdown excerpt', () => {
  it('a short text comes back whole (line endings normalized, trailing whitespace dropped)', () => {
    assert.equal(markdownExcerpt('## Use\r\n\r\n- `a` first  \n\n', limits), '## Use\n\n- `a` first');
  });

  it('a long text is cut at a line break, never mid-word, and ends with "…" as its own paragraph', () => {
    const text = ['# Title', '', 'First paragraph line one.', 'Line two of it.', '', '- item one', '- item two', '- item three', '- item four'].join('\n');
    const out = markdownExcerpt(text, limits);
    assert.equal(out, '# Title\n\nFirst paragraph line one.\nLine two of it.\n\n- item one\n\n…');
    const kept = out.slice(0, -'\n\n…'.length).split('\n');
    for (const line of kept) assert.ok(text.split('\n').includes(line), `whole line: ${line}`);
  });

  it('respects maxChars by whole lines', () => {
    const text = Array.from({ length: 10 }, (_, i) => `line ${i} ${'x'.repeat(30)}`).join('\n');
    const out = markdownExcerpt(text, { maxChars: 100, maxLines: 50 });
    assert.equal(out, `${text.split('\n').slice(0, 2).join('\n')}\n\n…`);
  });

  it('does not end on a heading whose section was cut away, or on blank lines', () => {
    const text = ['Intro.', '', '## Cross-Feature Relationships', '', '- a very long item '.repeat(12)].join('\n');
    assert.equal(markdownExcerpt(text, limits), 'Intro.\n\n…');
  });

  it('closes a code fence left open, with the same marker', () => {
    const text = ['Run it:', '````sh', 'npx server --port 1', 'npx server --port 2', 'npx server --port 3', 'npx server --port 4', 'npx server --port 5', '````', 'After.'].join('\n');
    const out = markdownExcerpt(text, limits);
    assert.equal(out, 'Run it:\n````sh\nnpx server --port 1\nnpx server --port 2\nnpx server --port 3\nnpx server --port 4\n````\n\n…');
    const tilde = markdownExcerpt(['~~~', 'a', 'b', 'c', 'd', 'e', 'f', '~~~'].join('\n'), limits);
    assert.match(tilde, /\n~~~\n\n…$/);
  });

  it('a closed fence stays closed; a fence opened on the last kept line is dropped', () => {
    const closed = markdownExcerpt(['```', 'code', '```', 'a', 'b', 'c', 'd', 'e'].join('\n'), limits);
    assert.equal(closed, '```\ncode\n```\na\nb\nc\n\n…');
    const empty = markdownExcerpt(['a', 'b', 'c', 'd', 'e', '```js', 'code'].join('\n'), limits);
    assert.equal(empty, 'a\nb\nc\nd\ne\n\n…');
    // inline code with three backticks is not a fence
    const inline = markdownExcerpt(['```js` inline', 'a', 'b', 'c', 'd', 'e', 'f'].join('\n'), limits);
    assert.equal(inline, '```js` inline\na\nb\nc\nd\ne\n\n…');
  });

  it('a first line longer than maxChars is cut at the last whitespace: "word…"', () => {
    const out = markdownExcerpt('Audience: These instructions are written for an LLM or autonomous agent integrating with the Everything MCP Server.', { maxChars: 60, maxLines: 5 });
    assert.equal(out, 'Audience: These instructions are written for an LLM or…');
    assert.equal(markdownExcerpt('x'.repeat(50), { maxChars: 10, maxLines: 5 }), `${'x'.repeat(10)}…`, 'one word longer than the budget');
  });

  it('server-everything\'s instructions: headings kept as Markdown, cut at a line break', () => {
    const text = '# Everything Server – Server Instructions\n\nAudience: These instructions are written for an LLM.\nFollow them.\n\n## Cross-Feature Relationships\n\n- Use `get-roots-list` to see client workspace roots before file operations\n- `gzip-file-as-resource` creates session-scoped resources accessible only during the current session\n- Enable `toggle-simulated-logging` before debugging\n';
    const out = markdownExcerpt(text, { maxChars: 250, maxLines: 14 });
    assert.equal(out, '# Everything Server – Server Instructions\n\nAudience: These instructions are written for an LLM.\nFollow them.\n\n## Cross-Feature Relationships\n\n- Use `get-roots-list` to see client workspace roots before file operations\n\n…');
  });
});

describe('markdown escaping', () => {
  it('escapeMarkdown makes text literal: no emphasis, links, headings or HTML', () => {
    assert.equal(escapeMarkdown('# [run](command:x) **b** <img>'), '\\# \\[run\\]\\(command:x\\) \\*\\*b\\*\\* \\<img\\>');
    assert.equal(escapeMarkdown('a\nb'), 'a b');
  });

  it('markdownCode fences with more backticks than inside', () => {
    assert.equal(markdownCode('tool'), '`tool`');
    assert.equal(markdownCode('a`b'), '``a`b``');
    assert.equal(markdownCode('`x'), '`` `x ``');
  });
});
