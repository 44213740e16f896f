/** The results the History keeps: redacted like arguments, bounded per result and for all, shown again as rendered results. */
import * as assert from 'node:assert/strict';
import { REDACTED, type HistoryEntry } from '../../src/core/history';
import { fitStoredResults, MAX_STORED_RESULT_BYTES, storedBytes, storedRendered, storeResult, type StoredResult } from '../../src/core/historyResult';
import { renderPromptResult, renderToolResult } from '../../src/core/results';

const SECRET = 'tok-0123456789-secret';
const redact = (t: string) => t.split(SECRET).join('••••••');

function kept(r: ReturnType<typeof storeResult>): StoredResult {
  assert.ok('result' in r, 'the result is kept');
  return r.result;
}

const entry = (id: string, result?: StoredResult): HistoryEntry => ({ id, time: 0, kind: 'tool', server: 's', serverId: 's', name: 'echo', arguments: {}, status: 'ok', sizeBytes: 10, durationMs: 5, ...(result ? { result } : {}) });

describe('history: stored results (pure)', () => {
  it('keeps a small result as the view shows it, and shows it again', () => {
    const rendered = renderToolResult({ content: [{ type: 'text', text: 'Echo: hi' }, { type: 'text', text: '{"a":1}' }], structuredContent: { n: 1 } }, { durationMs: 7 });
    const r = kept(storeResult(rendered, redact));
    assert.equal(r.cut, false);
    assert.deepEqual(r.parts.map((p) => p.kind), ['text', 'json', 'structured']);
    assert.equal(r.parts[1].kind === 'json' && r.parts[1].text, '{\n  "a": 1\n}');
    assert.equal(r.parts[1].kind === 'json' && r.parts[1].value, undefined, 'the parsed value is not stored twice');
    const shown = storedRendered(entry('1', r));
    assert.equal(shown?.parts[0].kind === 'text' && shown.parts[0].text, 'Echo: hi');
    assert.equal(shown?.truncated, false, 'nothing more to show all of');
    assert.equal(storedRendered(entry('2')), undefined);
  });

  it('redacts the way arguments are: a text with a secret is dropped whole; credential-named JSON values too', () => {
    const rendered = renderToolResult({
      content: [{ type: 'text', text: `API_TOKEN=${SECRET}\nPATH=/usr/bin` }, { type: 'text', text: '{"user":"ann","apiKey":"k-123"}' }],
      structuredContent: { password: 'hunter2', note: `uses ${SECRET}` },
      isError: true,
    });
    const r = kept(storeResult({ ...rendered, errorMessage: `failed with ${SECRET}` }, redact));
    assert.equal(r.parts[0].kind === 'text' && r.parts[0].text, REDACTED);
    assert.equal(r.parts[1].kind === 'json' && r.parts[1].text, JSON.stringify({ user: 'ann', apiKey: REDACTED }, null, 2));
    assert.equal(r.parts[2].kind === 'structured' && r.parts[2].text, JSON.stringify({ password: REDACTED, note: REDACTED }, null, 2));
    assert.equal(r.errorMessage, REDACTED);
    assert.ok(!JSON.stringify(r).includes(SECRET) && !JSON.stringify(r).includes('hunter2') && !JSON.stringify(r).includes('k-123'));
  });

  it('redacts prompt messages and re-makes their Markdown from the redacted content', () => {
    const rendered = renderPromptResult({ description: 'p', messages: [{ role: 'user', content: { type: 'text', text: `key ${SECRET}` } }, { role: 'assistant', content: { type: 'text', text: 'fine' } }] });
    const r = kept(storeResult(rendered, redact));
    assert.deepEqual(r.parts.map((p) => p.kind === 'message' && p.markdown), [`**User**\n\n${REDACTED}`, '**Assistant**\n\nfine']);
    assert.deepEqual(r.parts.map((p) => p.kind === 'message' && p.parts.length), [0, 0], 'inner parts are not stored twice');
  });

  it('redacts before cutting: a secret across the cut is not half-kept', () => {
    const text = `${'x'.repeat(990)}${SECRET}`;
    const r = kept(storeResult(renderToolResult({ content: [{ type: 'text', text }] }), redact, 1000));
    assert.equal(r.parts[0].kind === 'text' && r.parts[0].text, REDACTED);
  });

  it('cuts a large result to the cap (text shortened, binary data dropped) and says so', () => {
    const rendered = renderToolResult({ content: [{ type: 'text', text: 'line\n'.repeat(100_000) }, { type: 'image', data: 'A'.repeat(200_000), mimeType: 'image/png' }] }, { limitBytes: 10_000_000 });
    const r = kept(storeResult(rendered, redact));
    assert.ok(storedBytes(r) <= MAX_STORED_RESULT_BYTES, `${storedBytes(r)} bytes`);
    assert.ok(storedBytes(r) > MAX_STORED_RESULT_BYTES / 2, 'most of the room is used');
    assert.equal(r.cut, true);
    const [text, image] = r.parts;
    assert.ok(text.kind === 'text' && text.truncated && text.truncated.totalBytes === 500_000);
    assert.ok(image.kind === 'image' && image.data === '' && image.truncated);
  });

  it('uses the view\'s full parts, not its truncated ones', () => {
    const rendered = renderToolResult({ content: [{ type: 'text', text: 'a'.repeat(3000) }] }, { limitBytes: 1000 });
    assert.equal(rendered.truncated, true);
    const r = kept(storeResult(rendered, redact));
    assert.equal(r.parts[0].kind === 'text' && r.parts[0].text.length, 3000);
  });

  it('does not keep a result that does not fit even cut', () => {
    const rendered = renderToolResult({ content: Array.from({ length: 5000 }, () => ({ type: 'text', text: 'x' })) });
    assert.deepEqual(storeResult(rendered, redact, 10_000), { notKept: 'too-large' });
  });

  it('fits all stored results into the total, newest first; older ones that no longer fit are dropped', () => {
    const big = kept(storeResult(renderToolResult({ content: [{ type: 'text', text: 'b'.repeat(5000) }] }), redact));
    const small = kept(storeResult(renderToolResult({ content: [{ type: 'text', text: 'small' }] }), redact));
    const entries = [entry('new', big), entry('mid', big), entry('old', small), entry('none')];
    const fitted = fitStoredResults(entries, storedBytes(big) + storedBytes(small) + 10);
    assert.deepEqual(fitted.map((e) => [e.id, !!e.result, e.resultNotKept]), [['new', true, undefined], ['mid', false, 'no-room'], ['old', true, undefined], ['none', false, undefined]]);
    assert.equal(fitted[0], entries[0], 'unchanged entries stay the same objects');
  });
});
