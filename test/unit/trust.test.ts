import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { formatById } from '../../src/core/config/formats';
import { REDACTED } from '../../src/core/secrets';
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

  it('shows a token hard-coded in args as the redaction marker (the fingerprint still sees it)', () => {
    const token = 'ghp_abcdefghijklmnopqrstuvwxyz0123';
    const def = server(`{"command": "npx", "args": ["server", "--token", "${token}"]}`);
    assert.equal(trustSummary(def), `npx server --token ${REDACTED}`);
    assert.notEqual(trustFingerprint(def), trustFingerprint(server('{"command": "npx", "args": ["server", "--token", "ghp_other0000000000000000000000000"]}')));
  });

  describe('Codex credentials passed by name', () => {
    const codex = (fields: string) => formatById('codex-project').read(`[mcp_servers.api]\nurl = "https://example.com/mcp"\n${fields}`, '/ws/.codex/config.toml').servers[0];
    const plain = codex('');

    it('bearer_token_env_var and env_http_headers change the fingerprint (names, never values)', () => {
      const fps = [
        plain,
        codex('bearer_token_env_var = "A_TOKEN"\n'),
        codex('bearer_token_env_var = "B_TOKEN"\n'),
        codex('env_http_headers = { "X-Api-Key" = "A_KEY" }\n'),
        codex('env_http_headers = { "X-Api-Key" = "B_KEY" }\n'),
        codex('env_http_headers = { "X-Other" = "A_KEY" }\n'),
      ].map(trustFingerprint);
      assert.equal(new Set(fps).size, fps.length);
    });

    it('servers without them keep the fingerprint they had (stored answers stay valid)', () => {
      const t = plain.transport!;
      assert.ok(t.kind !== 'stdio');
      const before = createHash('sha256').update(JSON.stringify({ file: plain.file, name: plain.name, kind: t.kind, url: t.url.value, headers: [] })).digest('hex');
      assert.equal(trustFingerprint(plain), before);
    });

    it('the summary names the variables the credentials come from', () => {
      const text = trustSummary(codex('bearer_token_env_var = "A_TOKEN"\nenv_http_headers = { "X-Api-Key" = "A_KEY" }\n'));
      assert.match(text, /headers: X-Api-Key/);
      assert.match(text, /bearer token from A_TOKEN/);
    });
  });
});
