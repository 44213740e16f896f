/**
 * Collection files (core/collections): reading with a located error per defect, writing with a
 * stable key order and minimal edits, and comparing a result with its snapshot per match mode.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { appendCall, compareResult, CollectionError, normaliseResult, readCollection, replaceSnapshot, type SavedCall } from '../../../src/core/collections';

const call = (over: Partial<SavedCall> = {}): SavedCall => ({ expect: { content: [{ type: 'text', text: 'hi' }] }, arguments: { message: 'hi' }, name: 'echo', kind: 'tool', server: 'everything', ...over });

describe('collections: compare', () => {
  const result = { content: [{ type: 'text', text: 'at 12:00' }, { type: 'text', text: 'b' }], structuredContent: { id: 'x1', n: 1 } };

  it('exact: equal values pass whatever the key order; a change names the pointer and both values', () => {
    assert.deepEqual(compareResult(result, { structuredContent: { n: 1, id: 'x1' }, content: result.content }), []);
    assert.deepEqual(compareResult(result, { ...result, structuredContent: { id: 'x2', n: 1 } }), [{ pointer: '/structuredContent/id', expected: 'x1', actual: 'x2' }]);
  });

  it('exact: a missing and an extra key or item are differences with one side absent', () => {
    assert.deepEqual(compareResult({ a: 1, b: [1] }, { a: 1, c: 2, b: [1, 2] }), [{ pointer: '/b/1', actual: 2 }, { pointer: '/c', actual: 2 }]);
    assert.deepEqual(compareResult({ a: 1, b: 2 }, { a: 1 }), [{ pointer: '/b', expected: 2 }]);
  });

  it('subset: the result may hold more keys and items, but not other values', () => {
    assert.deepEqual(compareResult({ structuredContent: { n: 1 }, content: [result.content[0]] }, result, { match: 'subset' }), []);
    assert.deepEqual(compareResult({ structuredContent: { n: 2 } }, result, { match: 'subset' }), [{ pointer: '/structuredContent/n', expected: 2, actual: 1 }]);
  });

  it('ignore: pointers and * segments leave values out, in every mode', () => {
    const now = { ...result, content: [{ type: 'text', text: 'at 12:01' }, { type: 'text', text: 'c' }], structuredContent: { id: 'x9', n: 1 } };
    assert.equal(compareResult(result, now).length, 3);
    assert.deepEqual(compareResult(result, now, { ignore: ['/content/*/text', '/structuredContent/id'] }), []);
    assert.deepEqual(compareResult(result, now, { ignore: ['/content/0/text'] }).map((d) => d.pointer), ['/content/1/text', '/structuredContent/id']);
  });

  it('schema: structuredContent must conform to the outputSchema (Ajv), isError must match; values are not compared', () => {
    const outputSchema = { type: 'object', properties: { n: { type: 'number' } }, required: ['n'] };
    assert.deepEqual(compareResult(result, { ...result, structuredContent: { n: 99 } }, { match: 'schema', outputSchema }), []);
    const bad = compareResult(result, { ...result, structuredContent: { n: 'one' } }, { match: 'schema', outputSchema });
    assert.equal(bad.length, 1);
    assert.equal(bad[0].pointer, '/structuredContent/n');
    assert.deepEqual(compareResult(result, { ...result, isError: true }, { match: 'schema', outputSchema }).map((d) => d.pointer), ['/isError']);
    assert.match(compareResult(result, result, { match: 'schema' })[0].message ?? '', /declares none/);
  });

  it('normalises both sides: top-level _meta dropped, token-shaped text redacted', () => {
    const token = 'ghp_' + 'a'.repeat(36);
    assert.deepEqual(normaliseResult({ _meta: { progressToken: 3 }, content: [{ type: 'text', text: `key ${token}` }] }), { content: [{ type: 'text', text: '<redacted>' }] });
    assert.deepEqual(compareResult({ content: [] }, { content: [], _meta: { t: 1 } }), []);
  });
});

describe('collections: read', () => {
  it('reads calls with their ranges, labels and the file\'s server as default', () => {
    const text = appendCall(appendCall(undefined, call()), call({ name: 'add', server: { command: ['node', 'x.js'], env: ['K'] } }));
    const r = readCollection(text, 'a.mcp-tests.json');
    assert.deepEqual(r.calls.map((c) => [c.label, c.server]), [['#1 tool echo', 'everything'], ['#2 tool add', { command: ['node', 'x.js'], env: ['K'] }]]);
    const first = r.calls[0].range;
    assert.deepEqual(JSON.parse(text.slice(first.offset, first.offset + first.length)).name, 'echo');
  });

  it('says what is wrong and where (line:column)', () => {
    const cases: [string, RegExp][] = [
      ['{ "calls": [', /^f:1:13: not valid JSON/],
      ['[]', /^f:1:1: a collection file is a JSON object/],
      ['{"server":"s"}', /"calls" must be an array/],
      ['{"server":"s","calls":[{"kind":"tool","name":"x"}]}', /calls\[0\] has no "expect"/],
      ['{"calls":[{"kind":"tool","name":"x","expect":{}}]}', /calls\[0\] names no server/],
      ['{"server":"s","calls":[{"kind":"tool","name":"x","expect":{},"match":"fuzzy"}]}', /^f:1:70: calls\[0\]\.match must be one of exact, subset, schema/],
      ['{"server":"s","calls":[{"kind":"tool","name":"x","expect":{},"ignore":["content"]}]}', /ignore must be an array of JSON pointers/],
      ['{"server":"s","calls":[{"kind":"tool","name":"x","expect":{},"timeoutMs":0}]}', /timeoutMs must be a positive number/],
      ['{"server":{"command":[]},"calls":[]}', /server must be a configured server's name/],
    ];
    for (const [text, re] of cases) assert.throws(() => readCollection(text, 'f'), (e: unknown) => e instanceof CollectionError && re.test(e.message), text);
  });
});

describe('collections: write', () => {
  it('a new file: the server on top, keys in a stable order, 2 spaces, a final newline', () => {
    const text = appendCall(undefined, call({ timeoutMs: 5000, match: 'subset', ignore: ['/x'] }));
    assert.ok(text.endsWith('}\n'));
    assert.ok(text.includes('\n  "server": "everything",\n  "calls": [\n    {\n      "kind": "tool",'));
    assert.deepEqual(Object.keys(JSON.parse(text).calls[0]), ['kind', 'name', 'arguments', 'match', 'ignore', 'timeoutMs', 'expect']);
  });

  it('appends without touching the rest (comments kept); another server is written in the call', () => {
    const first = appendCall(undefined, call()).replace('"calls": [', '// my calls\n  "calls": [');
    const text = appendCall(first, call({ name: 'other', server: 'memory' }));
    assert.ok(text.startsWith(first.slice(0, first.lastIndexOf('}\n    }') + 7)), text);
    assert.ok(text.includes('// my calls'));
    const r = readCollection(text, 'f');
    assert.deepEqual(r.calls.map((c) => c.server), ['everything', 'memory']);
    assert.equal(appendCall(text, call({ name: 'third' })).match(/"server": "everything"/g)?.length, 1, 'the file\'s server is not repeated');
  });

  it('replaceSnapshot changes only that call\'s expect', () => {
    const text = appendCall(appendCall(undefined, call()), call({ name: 'two' }));
    const next = replaceSnapshot(text, 1, { content: [{ type: 'text', text: 'new' }] });
    const r = readCollection(next, 'f');
    assert.deepEqual(r.calls[0].call.expect, call().expect);
    assert.deepEqual(r.calls[1].call.expect, { content: [{ type: 'text', text: 'new' }] });
    assert.equal(next.slice(0, r.calls[1].range.offset), text.slice(0, r.calls[1].range.offset));
  });
});

describe('collections: JSON Schema (media/schemas/mcp-tests.schema.json, package.json jsonValidation)', () => {
  const root = path.resolve(__dirname, '../../../..');
  const schema = JSON.parse(readFileSync(path.join(root, 'media/schemas/mcp-tests.schema.json'), 'utf8')) as object;
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

  it('accepts what appendCall writes, with every option and each server form', () => {
    let text = appendCall(undefined, call({ match: 'schema', ignore: ['/content/*/text'], timeoutMs: 1000 }));
    text = appendCall(text, call({ kind: 'prompt', server: { url: 'http://127.0.0.1:3000/mcp', headers: { Authorization: '${env:TOKEN}' } } }));
    text = appendCall(text, call({ server: { command: ['node', 'x.js'], env: ['API_KEY'], cwd: '.' } }));
    assert.ok(validate(JSON.parse(text)), JSON.stringify(validate.errors));
  });

  it('rejects what readCollection rejects, and is the one package.json registers for *.mcp-tests.json', () => {
    for (const bad of [{ calls: [{ kind: 'tool', name: 'x', expect: {}, match: 'fuzzy' }] }, { calls: [{ kind: 'tool', name: 'x' }] }, { calls: [{ kind: 'resource', name: 'x', expect: {} }] }]) assert.equal(validate(bad), false, JSON.stringify(bad));
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { contributes: { jsonValidation: { fileMatch: string[]; url: string }[] } };
    assert.ok(pkg.contributes.jsonValidation.some((v) => v.fileMatch.includes('*.mcp-tests.json') && v.url === './media/schemas/mcp-tests.schema.json'));
  });
});
