import * as assert from 'node:assert/strict';
import { adHocDefinition } from '../../src/core/config/adHoc';
import { cliCommand, redactArguments, REDACTED, shellQuote } from '../../src/core/history';

describe('call history (pure)', () => {
  it('redacts credential-named values and known secrets, deeply, keeping the rest', () => {
    const args = { query: 'weather', apiKey: 'abc123', nested: { password: 'p', list: ['x', 'tok-secret-value'] }, count: 3 };
    assert.deepEqual(redactArguments(args, (t) => t.replace('tok-secret-value', '***')), { query: 'weather', apiKey: REDACTED, nested: { password: REDACTED, list: ['x', REDACTED] }, count: 3 });
  });

  it('copies a call as a shell-safe mcp-devtools command line', () => {
    assert.equal(cliCommand({ kind: 'tool', server: 'everything', name: 'echo', arguments: { message: "it's here" } }), `npx mcp-devtools call everything echo --args '{"message":"it'\\''s here"}'`);
    assert.equal(cliCommand({ kind: 'prompt', server: 'my server', name: 'simple-prompt', arguments: {} }), "npx mcp-devtools prompt 'my server' simple-prompt");
    assert.equal(shellQuote('plain-word_1.2'), 'plain-word_1.2');
  });

  it('a server with no config file: its command line after --, or its URL; env values and credential headers never copied', () => {
    const e = { kind: 'tool' as const, server: 'x', name: 'echo', arguments: { message: 'hi' } };
    const stdio = adHocDefinition({ kind: 'command', argv: ['node', 'my dir/s.js', '--token', 'tok-sekret'], env: { API_KEY: 'sekret' }, cwd: 'srv' }, '/w');
    assert.equal(cliCommand(e, stdio), `npx mcp-devtools call echo --args '{"message":"hi"}' --env 'API_KEY=<redacted>' --cwd /w/srv -- node 'my dir/s.js' --token '<redacted>'`);
    const url = adHocDefinition({ kind: 'url', url: 'http://127.0.0.1:3000/mcp', headers: { Authorization: 'Bearer sekret', 'X-Team': 'blue' } }, '/w');
    assert.equal(cliCommand(e, url), `npx mcp-devtools call http://127.0.0.1:3000/mcp echo --args '{"message":"hi"}' --header 'Authorization: <redacted>' --header 'X-Team: blue'`);
  });
});
