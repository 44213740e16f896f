import * as assert from 'node:assert/strict';
import { formatById } from '../../src/core/config/formats';
import { trustFingerprint, trustSummary } from '../../src/core/trust';

const server = (json: string) => formatById('vscode-workspace').read(`{"servers": {"s": ${json}}}`, '/ws/.vscode/mcp.json').servers[0];

describe('server trust fingerprint', () => {
  const base = server('{"command": "node", "args": ["a.js"], "env": {"TOKEN": "one"}}');

  it('is stable, and ignores env values (secrets never enter it)', () => {
    assert.equal(trustFingerprint(base), trustFingerprint(server('{"command": "node", "args": ["a.js"], "env": {"TOKEN": "two"}}')));
    assert.match(trustFingerprint(base), /^[0-9a-f]{64}$/);
  });

  it('changes when what runs changes: command, args, env names, cwd, URL, header names', () => {
    const fp = trustFingerprint(base);
    for (const changed of [
      '{"command": "python", "args": ["a.js"], "env": {"TOKEN": "one"}}',
      '{"command": "node", "args": ["b.js"], "env": {"TOKEN": "one"}}',
      '{"command": "node", "args": ["a.js"], "env": {"OTHER": "one"}}',
      '{"command": "node", "args": ["a.js"], "env": {"TOKEN": "one"}, "cwd": "/tmp"}',
      '{"type": "http", "url": "https://example.com/mcp"}',
    ]) assert.notEqual(trustFingerprint(server(changed)), fp, changed);
    const remote = trustFingerprint(server('{"type": "http", "url": "https://example.com/mcp", "headers": {"A": "1"}}'));
    assert.notEqual(trustFingerprint(server('{"type": "http", "url": "https://example.com/mcp", "headers": {"B": "1"}}')), remote);
  });

  it('summarizes what runs with env names but never their values', () => {
    const text = trustSummary(base);
    assert.match(text, /^node a\.js/);
    assert.match(text, /env: TOKEN/);
    assert.doesNotMatch(text, /one/);
  });
});
