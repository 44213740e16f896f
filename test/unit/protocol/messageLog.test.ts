/**
 * The Protocol view's pure half: the bounded message log (pairing by id, durations on the given
 * monotonic clock, sizes, truncation, bounds), masking, the filter, and "Copy as CLI command".
 */
import * as assert from 'node:assert/strict';
import { adHocDefinition } from '../../../src/core/config/adHoc';
import { filterNewestFirst, maskMessage, MessageLog, NO_FILTER, recordCliCommand, requestCliCommand } from '../../../src/core/protocol';
import { REDACTED, Redactor } from '../../../src/core/secrets';

/** A log on a clock the test moves by hand. */
function logWithClock(options: ConstructorParameters<typeof MessageLog>[0] = {}) {
  let now = 1000;
  const log = new MessageLog({ now: () => now, ...options });
  return { log, tick: (ms: number) => (now += ms) };
}

const req = (id: number | string, method: string, params?: unknown) => ({ jsonrpc: '2.0', id, method, ...(params !== undefined && { params }) });
const res = (id: number | string, result: unknown = {}) => ({ jsonrpc: '2.0', id, result });

describe('protocol: the message log', () => {
  it('pairs a response with its request by id: method, duration on the monotonic clock, both ways', () => {
    const { log, tick } = logWithClock();
    const sent = log.append('sent', req(0, 'initialize', { protocolVersion: '2025-11-25' }))!;
    tick(12.34);
    const got = log.append('received', res(0, { protocolVersion: '2025-11-25' }))!;
    assert.equal(sent.kind, 'request');
    assert.equal(got.kind, 'response');
    assert.equal(got.method, 'initialize', 'a response names its request\'s method');
    assert.equal(got.durationMs, 12.3);
    assert.equal(sent.durationMs, 12.3, 'the request shows the round trip too');
    assert.equal(sent.pair, got.seq);
    assert.equal(got.pair, sent.seq);
    // a request from the server (roots/list) with the same id 0: its own numbering, answered by us
    const fromServer = log.append('received', req(0, 'roots/list'))!;
    tick(1);
    const answer = log.append('sent', res(0, { roots: [] }))!;
    assert.equal(answer.pair, fromServer.seq);
    assert.equal(answer.method, 'roots/list');
    assert.equal(answer.durationMs, 1);
  });

  it('keeps notifications, errors (with code and message) and isError results; a cancelled request is marked', () => {
    const { log } = logWithClock();
    assert.equal(log.append('received', { jsonrpc: '2.0', method: 'notifications/tools/list_changed' })!.kind, 'notification');
    const call = log.append('sent', req(5, 'tools/call', { name: 'x' }))!;
    const err = log.append('received', { jsonrpc: '2.0', id: 5, error: { code: -32602, message: 'Invalid params' } })!;
    assert.equal(err.kind, 'error');
    assert.equal(err.error, '-32602 Invalid params');
    assert.equal(call.error, '-32602 Invalid params', 'the request is marked failed too (for "errors only")');
    log.append('sent', req(6, 'tools/call', { name: 'fail' }));
    assert.equal(log.append('received', res(6, { content: [], isError: true }))!.error, 'isError');
    const slow = log.append('sent', req(7, 'tools/call', { name: 'wait' }))!;
    log.append('sent', { jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 7, reason: 'timeout' } });
    assert.equal(slow.cancelled, true);
    assert.equal(slow.durationMs, undefined);
  });

  it('sizes are UTF-8 bytes of the JSON; a huge message is kept cut with its true size', () => {
    const { log } = logWithClock({ maxTextChars: 100 });
    const small = { jsonrpc: '2.0', method: 'm', params: { s: 'é€😀' } };
    assert.equal(log.append('sent', small)!.sizeBytes, Buffer.byteLength(JSON.stringify(small)));
    const huge = res(1, { text: 'x'.repeat(10_000) });
    const r = log.append('received', huge)!;
    assert.equal(r.sizeBytes, JSON.stringify(huge).length);
    assert.equal(r.truncated, true);
    assert.equal(r.json.length, 100);
  });

  it('is a ring: keeps the newest `capacity` records, counts the dropped, resizes; 0 keeps none', () => {
    const { log } = logWithClock({ capacity: 3 });
    for (let i = 0; i < 5; i++) log.append('sent', { jsonrpc: '2.0', method: `m${i}` });
    assert.deepEqual(log.records().map((r) => r.method), ['m2', 'm3', 'm4']);
    assert.equal(log.dropped, 2);
    assert.equal(log.get(3)?.method, 'm2');
    assert.equal(log.get(1), undefined, 'seq 1 was dropped');
    log.resize(2);
    assert.deepEqual(log.records().map((r) => r.method), ['m3', 'm4']);
    log.resize(4);
    log.append('sent', { jsonrpc: '2.0', method: 'm5' });
    assert.deepEqual(log.records().map((r) => r.seq), [4, 5, 6]);
    log.resize(0);
    assert.equal(log.append('sent', { jsonrpc: '2.0', method: 'm6' }), undefined);
    assert.equal(log.size, 0);
  });

  it('stays within its total character budget; a request dropped unanswered is no longer waited for', () => {
    const { log } = logWithClock({ capacity: 100, maxTotalChars: 300 });
    const first = log.append('sent', req(1, 'tools/call', { pad: 'y'.repeat(150) }))!;
    log.append('sent', req(2, 'tools/call', { pad: 'z'.repeat(150) }));
    assert.equal(log.get(first.seq), undefined, 'the oldest went to make room');
    const late = log.append('received', res(1))!;
    assert.equal(late.pair, undefined, 'its request is gone: nothing to pair with');
    assert.equal(late.method, undefined);
  });

  it('each initialize starts a new session: ids used before are forgotten', () => {
    const { log } = logWithClock();
    log.append('sent', req(0, 'initialize'));
    log.append('received', res(0));
    log.append('sent', req(1, 'tools/call'));
    // the server restarted; the new session numbers from 0 again
    const init = log.append('sent', req(0, 'initialize'))!;
    assert.equal(init.session, 2);
    const answer = log.append('received', res(1))!;
    assert.equal(answer.pair, undefined, 'an id of the old session does not pair across sessions');
  });

  it('enqueue notes the time at once and keeps the message on the next turn, or when the log is read, in order', async () => {
    const { log, tick } = logWithClock();
    const seen: number[] = [];
    log.onChange((c) => seen.push(c.added.seq));
    log.enqueue('sent', req(1, 'ping'));
    tick(5);
    log.enqueue('received', res(1));
    tick(100); // time spent before the log is read does not count
    assert.deepEqual(seen, [], 'nothing kept yet: serializing waits for the next turn');
    assert.deepEqual(log.records().map((r) => `${r.direction} ${r.method} ${r.durationMs ?? ''}`), ['sent ping 5', 'received ping 5']);
    log.enqueue('sent', req(2, 'ping'));
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(seen, [1, 2, 3], 'the next turn kept it');
  });

  it('tells listeners what was added and which request it updated', () => {
    const { log } = logWithClock();
    const seen: [number, number | undefined][] = [];
    const off = log.onChange((c) => seen.push([c.added.seq, c.updated?.seq]));
    log.append('sent', req(1, 'ping'));
    log.append('received', res(1));
    off();
    log.append('sent', req(2, 'ping'));
    assert.deepEqual(seen, [[1, undefined], [2, 1]]);
  });
});

describe('protocol: masking', () => {
  it('masks values under credential names and secrets in any string; keeps protocol fields and schemas', () => {
    const redactor = new Redactor(['s3cr3t-env-value']);
    const message = {
      jsonrpc: '2.0', id: 3, method: 'tools/call',
      params: {
        name: 'login',
        arguments: { apiKey: 'plain-key-1234', password: 42, note: 'token ghp_0123456789abcdefghijABCDEFGHIJ012345 here', env: 'uses s3cr3t-env-value', nested: { client_secret: 'x-y-z-w' } },
        _meta: { progressToken: 7 },
      },
    };
    const masked = maskMessage(message, (t) => redactor.redact(t)) as typeof message;
    const a = masked.params.arguments;
    assert.equal(a.apiKey, REDACTED);
    assert.equal(a.password, REDACTED);
    assert.equal(a.nested.client_secret, REDACTED);
    assert.equal(a.note, `token ${REDACTED} here`);
    assert.equal(a.env, `uses ${REDACTED}`);
    assert.equal(masked.params._meta.progressToken, 7, 'progressToken is protocol data');
    assert.equal(message.params.arguments.apiKey, 'plain-key-1234', 'the message itself is untouched');
    const schema = maskMessage({ inputSchema: { properties: { token: { type: 'string' } }, required: ['token'] } });
    assert.deepEqual(schema, { inputSchema: { properties: { token: { type: 'string' } }, required: ['token'] } });
  });

  it('the log keeps only the masked JSON, and an error message masked too', () => {
    const log = new MessageLog({ redact: (t) => new Redactor(['hunter2hunter2']).redact(t) });
    const r = log.append('sent', req(1, 'tools/call', { name: 't', arguments: { token: 'abcd-1234', q: 'hunter2hunter2' } }))!;
    assert.ok(!r.json.includes('abcd-1234') && !r.json.includes('hunter2hunter2'), r.json);
    assert.equal(r.sizeBytes, JSON.stringify(req(1, 'tools/call', { name: 't', arguments: { token: 'abcd-1234', q: 'hunter2hunter2' } })).length, 'the size is the real message\'s');
    const e = log.append('received', { jsonrpc: '2.0', id: 1, error: { code: -32000, message: 'bad password hunter2hunter2' } })!;
    assert.equal(e.error, `-32000 bad password ${REDACTED}`);
  });

  it('a message kept cut is masked in its text: credential-named values and the redactor\'s secrets', () => {
    const log = new MessageLog({ maxTextChars: 200, redact: (t) => new Redactor(['hunter2hunter2']).redact(t) });
    const r = log.append('sent', req(1, 'tools/call', { name: 't', arguments: { password: 'pw-1234', pin: 1234, "api_key": 99, q: 'hunter2hunter2', pad: 'p'.repeat(500) } }))!;
    assert.equal(r.truncated, true);
    assert.ok(!r.json.includes('pw-1234') && !r.json.includes('hunter2hunter2') && !r.json.includes('99'), r.json);
    assert.ok(r.json.includes(`"password":"${REDACTED}"`) && r.json.includes(`"api_key":"${REDACTED}"`), r.json);
    assert.ok(r.json.includes('"pin":1234'), 'not a credential name');
  });
});

describe('protocol: filter', () => {
  const { log } = logWithClock();
  log.append('sent', req(1, 'tools/list'));
  log.append('received', res(1, { tools: [{ name: 'echo' }] }));
  log.append('sent', req(2, 'tools/call', { name: 'echo', arguments: { message: 'Hello' } }));
  log.append('received', { jsonrpc: '2.0', id: 2, error: { code: -32603, message: 'boom' } });
  log.append('received', { jsonrpc: '2.0', method: 'notifications/message', params: { level: 'info', data: 'hi' } });
  const methods = (f: Partial<typeof NO_FILTER>) => filterNewestFirst(log.records(), { ...NO_FILTER, ...f }).map((r) => `${r.direction[0]}:${r.method}`);

  it('lists newest first; filters by method or text (any case), direction, errors only', () => {
    assert.deepEqual(methods({}), ['r:notifications/message', 'r:tools/call', 's:tools/call', 'r:tools/list', 's:tools/list']);
    assert.deepEqual(methods({ text: 'TOOLS/CALL' }), ['r:tools/call', 's:tools/call']);
    assert.deepEqual(methods({ text: 'hello' }), ['s:tools/call'], 'text in the JSON');
    assert.deepEqual(methods({ direction: 'sent' }), ['s:tools/call', 's:tools/list']);
    assert.deepEqual(methods({ errorsOnly: true }), ['r:tools/call', 's:tools/call']);
    assert.deepEqual(methods({ errorsOnly: true, direction: 'received' }), ['r:tools/call']);
  });
});

describe('protocol: Copy as CLI command', () => {
  it('gives the CLI verb for tools/call, prompts/get, resources/read and the lists, quoted for a POSIX shell', () => {
    assert.equal(requestCliCommand('everything', 'tools/call', { name: 'echo', arguments: { message: "it's \"here\"" } }), `npx mcp-devtools call everything echo --args '{"message":"it'\\''s \\"here\\""}'`);
    assert.equal(requestCliCommand('my server', 'tools/call', { name: 'get-sum', arguments: {} }), `npx mcp-devtools call 'my server' get-sum`);
    assert.equal(requestCliCommand('s', 'prompts/get', { name: 'greet', arguments: { name: 'Ada' } }), `npx mcp-devtools prompt s greet --args '{"name":"Ada"}'`);
    assert.equal(requestCliCommand('s', 'resources/read', { uri: 'demo://item/1?x=a b' }), `npx mcp-devtools read s 'demo://item/1?x=a b'`);
    assert.equal(requestCliCommand('s', 'tools/list', undefined), 'npx mcp-devtools list s');
    assert.equal(requestCliCommand('s', 'initialize', {}), undefined);
    assert.equal(requestCliCommand('s', 'ping', undefined), undefined);
  });

  it('a server with no config file: its command line after --, or its URL, as the CLI takes them, secrets redacted', () => {
    const command = adHocDefinition({ kind: 'command', argv: ['node', 'build/index.js', 'stdio'], env: { API_KEY: 'sk-live-1234' } }, '/w');
    assert.equal(requestCliCommand('index', 'tools/call', { name: 'echo', arguments: { message: 'hi' } }, command), `npx mcp-devtools call echo --args '{"message":"hi"}' --env 'API_KEY=${REDACTED}' -- node build/index.js stdio`);
    assert.equal(requestCliCommand('index', 'tools/list', undefined, command), `npx mcp-devtools list --env 'API_KEY=${REDACTED}' -- node build/index.js stdio`);
    const url = adHocDefinition({ kind: 'url', url: 'http://127.0.0.1:3001/mcp', headers: { Authorization: 'Bearer abc.def' } }, '/w');
    assert.equal(requestCliCommand('127.0.0.1:3001', 'resources/read', { uri: 'demo://a' }, url), `npx mcp-devtools read http://127.0.0.1:3001/mcp demo://a --header 'Authorization: ${REDACTED}'`);
  });

  it('only for a request sent to the server and kept whole; arguments as masked', () => {
    const log = new MessageLog({ maxTextChars: 200 });
    const call = log.append('sent', req(1, 'tools/call', { name: 'login', arguments: { password: 'pw-1234' } }))!;
    assert.equal(recordCliCommand('s', call), `npx mcp-devtools call s login --args '{"password":"${REDACTED}"}'`);
    assert.equal(recordCliCommand('s', log.append('received', res(1))!), undefined, 'a response');
    assert.equal(recordCliCommand('s', log.append('received', req(9, 'sampling/createMessage', {}))!), undefined, 'a request from the server');
    assert.equal(recordCliCommand('s', log.append('sent', req(2, 'tools/call', { name: 'big', arguments: { s: 'x'.repeat(500) } }))!), undefined, 'kept cut');
  });
});
