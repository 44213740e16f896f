import * as assert from 'node:assert/strict';
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
});
