/** Which edits of a server definition need a new session. */
import * as assert from 'node:assert/strict';
import { diffDefinitions, launchKey } from '../../../src/core/config/definitionChanges';
import { formatById } from '../../../src/core/config/formats';

const servers = (body: string) => formatById('vscode-workspace').read(`{"servers": {${body}}}`, '/ws/.vscode/mcp.json').servers;
const one = (json: string) => servers(`"s": ${json}`)[0];

describe('config: definition changes', () => {
  const base = one('{"command": "node", "args": ["a.js"], "env": {"K": "1"}}');

  it('the launch key ignores source ranges and options, and sees every part of what runs', () => {
    assert.equal(launchKey(one('  {"command":   "node", "args": [ "a.js" ],\n "env": {"K": "1"}}')), launchKey(base), 'whitespace moves ranges only');
    assert.equal(launchKey({ ...base, options: { requestTimeoutMs: 5000, disabled: true } }), launchKey(base), 'options are not the launch');
    for (const changed of [
      '{"command": "deno", "args": ["a.js"], "env": {"K": "1"}}',
      '{"command": "node", "args": ["b.js"], "env": {"K": "1"}}',
      '{"command": "node", "args": ["a.js"], "env": {"K": "2"}}',
      '{"command": "node", "args": ["a.js"], "env": {"K": "1"}, "cwd": "sub"}',
      '{"command": "node", "args": ["a.js"], "env": {"K": "1"}, "envFile": ".env"}',
      '{"type": "http", "url": "http://127.0.0.1:1/mcp"}',
    ]) assert.notEqual(launchKey(one(changed)), launchKey(base), changed);
    const remote = one('{"type": "http", "url": "http://127.0.0.1:1/mcp", "headers": {"A": "1"}}');
    assert.notEqual(launchKey(one('{"type": "http", "url": "http://127.0.0.1:1/mcp", "headers": {"A": "2"}}')), launchKey(remote));
  });

  it('sorts ids into added, removed, relaunched (launch changed, or disabled/enabled) and updated', () => {
    const before = servers('"same": {"command": "a"}, "moved": {"command": "b"}, "relaunch": {"command": "c"}, "off": {"command": "d"}, "opt": {"command": "e"}, "gone": {"command": "f"}');
    const after = servers('"same": {"command": "a"}, "moved":   {"command": "b"}, "relaunch": {"command": "c2"}, "off": {"command": "d"}, "opt": {"command": "e"}, "new": {"command": "g"}')
      .map((d) => (d.name === 'off' ? { ...d, options: { disabled: true } } : d.name === 'opt' ? { ...d, options: { startupTimeoutMs: 9000 } } : d));
    const c = diffDefinitions(before, after);
    const names = (defs: { name: string }[]) => defs.map((d) => d.name);
    assert.deepEqual(names(c.added), ['new']);
    assert.deepEqual(c.removed, [before.find((d) => d.name === 'gone')!.id]);
    assert.deepEqual(names(c.relaunched), ['relaunch', 'off']);
    // "moved" only moved in the text (its ranges changed): taken in place, like an option
    assert.deepEqual(names(c.updated), ['moved', 'opt']);
  });

  it('nothing changed: nothing reported', () => {
    const defs = servers('"a": {"command": "x"}');
    assert.deepEqual(diffDefinitions(defs, servers('"a": {"command": "x"}')), { added: [], removed: [], relaunched: [], updated: [] });
  });
});
