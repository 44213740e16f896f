/** Results → parts: every content type, structuredContent against outputSchema (2020-12), errors, size, truncation, prompts, terminal text. */
import * as assert from 'node:assert/strict';
import { messageMarkdown, renderPromptResult, renderResourceResult, renderTerminal, renderToolResult, resourceContentsText, resourceContentsView, validateStructuredContent } from '../../../src/core/results';

const PNG = Buffer.from('89504e470d0a1a0a', 'hex').toString('base64');

describe('results: tool results', () => {
  it('text, JSON text pretty-printed, image, audio, resource link, embedded text and blob', () => {
    const r = renderToolResult({
      content: [
        { type: 'text', text: 'hello' },
        { type: 'text', text: '{"a":1,"b":[2]}' },
        { type: 'image', data: PNG, mimeType: 'image/png' },
        { type: 'audio', data: 'AAAA', mimeType: 'audio/wav' },
        { type: 'resource_link', uri: 'demo://r/1', name: 'r1', description: 'one', mimeType: 'text/plain' },
        { type: 'resource', resource: { uri: 'demo://t', mimeType: 'text/plain', text: 'inside' } },
        { type: 'resource', resource: { uri: 'demo://b', blob: 'AAECAw==' } },
        { type: 'future-thing', x: 1 },
      ],
    }, { durationMs: 12.4 });
    assert.deepEqual(r.parts.map((p) => p.kind), ['text', 'json', 'image', 'audio', 'resourceLink', 'resource', 'resource', 'unknown']);
    assert.equal(r.parts[1].kind === 'json' && r.parts[1].text, '{\n  "a": 1,\n  "b": [\n    2\n  ]\n}');
    assert.deepEqual(r.parts[2], { kind: 'image', data: PNG, mimeType: 'image/png', bytes: 8 });
    assert.equal(r.parts[3].kind === 'audio' && r.parts[3].bytes, 3);
    assert.deepEqual(r.parts[4], { kind: 'resourceLink', uri: 'demo://r/1', name: 'r1', title: undefined, description: 'one', mimeType: 'text/plain', size: undefined });
    assert.equal(r.parts[6].kind === 'resource' && r.parts[6].bytes, 4);
    assert.equal(r.isError, false);
    assert.equal(r.durationMs, 12.4);
    assert.equal(r.sizeBytes, Buffer.byteLength(JSON.stringify(r.raw)));
    const t = renderTerminal(r);
    assert.match(t, /^hello\n\{\n {2}"a": 1/);
    assert.match(t, /\[image: image\/png, 8 B; use --json for the base64 data\]/);
    assert.match(t, /\[resource link: r1 <demo:\/\/r\/1> \(text\/plain\) — one\]/);
    assert.match(t, /\[resource: demo:\/\/t \(text\/plain\)\]\ninside/);
    assert.match(t, /— 12 ms, \d+ B$/);
  });

  it('isError results are flagged with the server\'s message', () => {
    const r = renderToolResult({ content: [{ type: 'text', text: 'file not found' }], isError: true });
    assert.equal(r.isError, true);
    assert.equal(r.errorMessage, 'file not found');
    assert.match(renderTerminal(r), /^Error: file not found\n— /);
  });

  it('structuredContent is validated against outputSchema with 2020-12 semantics; a mismatch is reported, not thrown', () => {
    const outputSchema = { type: 'object', properties: { t: { type: 'number' }, pair: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'number' }], items: false } }, required: ['t'] };
    const ok = renderToolResult({ content: [], structuredContent: { t: 1, pair: ['a', 2] } }, { outputSchema });
    assert.deepEqual(ok.parts[0].kind === 'structured' && ok.parts[0].validation, { status: 'valid' });
    const bad = renderToolResult({ content: [], structuredContent: { t: 'hot', pair: ['a', 2, 3] } }, { outputSchema });
    const v = bad.parts[0].kind === 'structured' ? bad.parts[0].validation : undefined;
    assert.equal(v?.status, 'invalid');
    assert.deepEqual(v?.status === 'invalid' && v.issues.map((i) => i.pointer).sort(), ['/pair', '/t']);
    assert.match(renderTerminal(bad), /structuredContent \(does NOT match the outputSchema: .*t must be number/);
    assert.deepEqual(validateStructuredContent(outputSchema, undefined), { status: 'missing' });
    assert.deepEqual(validateStructuredContent(undefined, { a: 1 }), { status: 'no-schema' });
    assert.equal(validateStructuredContent({ $ref: 'http://nowhere/x' }, {}).status, 'unchecked');
  });

  it('results over the limit are truncated, the full parts kept', () => {
    const big = 'x'.repeat(3000);
    const r = renderToolResult({ content: [{ type: 'text', text: big }, { type: 'image', data: 'A'.repeat(4000), mimeType: 'image/png' }] }, { limitBytes: 1000 });
    assert.equal(r.truncated, true);
    assert.equal(r.parts[0].kind === 'text' && r.parts[0].text.length, 1000);
    assert.deepEqual(r.parts[0].kind === 'text' && r.parts[0].truncated, { shownBytes: 1000, totalBytes: 3000 });
    assert.equal(r.parts[1].kind === 'image' && r.parts[1].data, '');
    assert.equal(r.full?.[0].kind === 'text' && r.full[0].text, big);
    assert.match(renderTerminal(r), /truncated: use --json for the full result/);
    const small = renderToolResult({ content: [{ type: 'text', text: 'é'.repeat(10) }] }, { limitBytes: 5 });
    assert.equal(small.parts[0].kind === 'text' && small.parts[0].text, 'éé', 'never splits a character');
    assert.equal(renderToolResult({ content: [{ type: 'text', text: 'ok' }] }).truncated, false, 'default limit is 1 MB');
  });

  it('never throws on nonsense', () => {
    for (const x of [null, 3, 'x', [], { content: 'nope' }, { content: [null, 1, { type: 'image' }] }]) renderTerminal(renderToolResult(x));
  });
});

describe('results: prompts and resources', () => {
  it('prompt messages by role, as Markdown', () => {
    const r = renderPromptResult({ description: 'A greeting', messages: [{ role: 'user', content: { type: 'text', text: 'Hi *there*' } }, { role: 'assistant', content: { type: 'resource', resource: { uri: 'demo://x', text: '{"k":1}' } } }] });
    assert.equal(r.kind, 'prompt');
    assert.equal(r.description, 'A greeting');
    assert.deepEqual(r.parts.map((p) => p.kind === 'message' && p.role), ['user', 'assistant']);
    assert.equal(r.parts[0].kind === 'message' && r.parts[0].markdown, '**User**\n\nHi *there*');
    assert.equal(r.parts[1].kind === 'message' && r.parts[1].markdown, '**Assistant**\n\n*demo://x*\n\n```json\n{\n  "k": 1\n}\n```');
    assert.match(renderTerminal(r), /^A greeting\n\n## user\nHi \*there\*/);
  });

  it('resource contents: text (JSON pretty) and blob', () => {
    const r = renderResourceResult({ contents: [{ uri: 'a://1', mimeType: 'application/json', text: '[1,2]' }, { uri: 'a://2', mimeType: 'application/gzip', blob: 'AAAA' }] });
    assert.deepEqual(r.parts.map((p) => p.kind === 'resource' && [p.uri, p.json, p.bytes]), [['a://1', [1, 2], 5], ['a://2', undefined, 3]]);
    assert.match(renderTerminal(r), /\[resource: a:\/\/2, application\/gzip, 3 B; use --json/);
  });

  it('resource contents are drawn by one function: text, JSON pretty or as sent, binary summary, the cut', () => {
    const r = renderResourceResult({ contents: [{ uri: 'a://1', mimeType: 'application/json', text: '[1,2]' }, { uri: 'a://2', blob: 'AAECAw==' }, { uri: 'a://3', text: 'x'.repeat(3000) }] }, { limitBytes: 1000 });
    assert.deepEqual(r.parts.map((p) => p.kind === 'resource' && resourceContentsView(p).summary), ['application/json, 5 B', 'binary, 4 B', 'text, 3.0 KB']);
    const text = resourceContentsText(r, { binaryHint: 'save it' });
    assert.equal(text.split('\n\n')[0], '[\n  1,\n  2\n]');
    assert.equal(text.split('\n\n')[1], '[a://2: binary, 4 B; save it]');
    assert.match(text, /\n\[… truncated: \d+ B of 3\.0 KB shown\]$/);
    assert.equal(resourceContentsText(r, { binaryHint: 'save it', asSent: true }).split('\n\n')[0], '[1,2]');
    const embedded = renderToolResult({ content: [{ type: 'resource', resource: { uri: 'a://2', blob: 'AAECAw==' } }] });
    assert.match(renderTerminal(embedded), /\[resource: a:\/\/2, binary, 4 B; use --json/);
    assert.equal(embedded.parts[0].kind === 'resource' && messageMarkdown('user', embedded.parts), '**User**\n\n*a://2* (binary, 4 B)');
  });
});
