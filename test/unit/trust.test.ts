import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { formatById } from '../../src/core/config/formats';
import { REDACTED } from '../../src/core/secrets';
import { trustFingerprint, trustSummary } from '../../src/core/trust';

const server = (json: string) => formatById('vscode-workspace').read(`{"servers": {"s": ${json}}}`, '/ws/.vscode/mcp.json').servers[0];

describe('server trust fingerprint', () => {
  const base = server('{"command": "node", "args": ["a.js"], "env": {"TOKEN": "one"}}');

  it('is stable, and ignores the values of credential-named env variables (secrets never enter it)', () => {
    assert.equal(trustFingerprint(base), trustFingerprint(server('{"command": "node", "args": ["a.js"], "env": {"TOKEN": "two"}}')));
    assert.match(trustFingerprint(base), /^[0-9a-f]{64}$/);
  });

  it('changes when what runs changes: command, args, env names and shown values, cwd, URL, header names', () => {
    const fp = trustFingerprint(base);
    for (const changed of [
      '{"command": "python", "args": ["a.js"], "env": {"TOKEN": "one"}}',
      '{"command": "node", "args": ["b.js"], "env": {"TOKEN": "one"}}',
      '{"command": "node", "args": ["a.js"], "env": {"OTHER": "one"}}',
      '{"command": "node", "args": ["a.js"], "env": {"TOKEN": "one"}, "cwd": "/tmp"}',
      '{"type": "http", "url": "https://example.com/mcp"}',
    ]) assert.notEqual(trustFingerprint(server(changed)), fp, changed);
    // the value of an env variable that is shown in the dialog (not credential-named): NODE_OPTIONS can change what runs
    const opts = trustFingerprint(server('{"command": "node", "args": ["a.js"], "env": {"NODE_OPTIONS": "--max-old-space-size=64"}}'));
    assert.notEqual(trustFingerprint(server('{"command": "node", "args": ["a.js"], "env": {"NODE_OPTIONS": "--require ./evil.js"}}')), opts);
    const remote = trustFingerprint(server('{"type": "http", "url": "https://example.com/mcp", "headers": {"A": "1"}}'));
    assert.notEqual(trustFingerprint(server('{"type": "http", "url": "https://example.com/mcp", "headers": {"B": "1"}}')), remote);
  });

});

describe('server trust summary (what the dialog shows)', () => {
  const ctx = { env: { HOME_TOOLS: '/opt/tools', GITHUB_TOKEN: 'ghx-secret-value-1234', PLAIN: 'visible' }, userHome: '/home/me', workspaceFolder: '/ws' };
  let asked = 0;
  const withInput = { ...ctx, input: async () => (asked++, 'typed-secret') };

  it('resolves variables as at launch: ${workspaceFolder}, ${userHome}, ${env:…}, and the default cwd', async () => {
    const text = await trustSummary(server('{"command": "node", "args": ["${workspaceFolder}/../tools/server.js", "${userHome}/x", "${env:HOME_TOOLS}/bin", "with space"]}'), ctx);
    assert.equal(text, 'node /ws/../tools/server.js /home/me/x /opt/tools/bin "with space"\nin /ws');
    assert.doesNotMatch(text, /\$\{/);
  });

  it('masks inputs (never asks), credential-named env values and ${env:…} references, and token-shaped text', async () => {
    const def = server('{"command": "npx", "args": ["srv", "--key=${input:key}", "--gh=${env:GITHUB_TOKEN}", "--plain=${env:PLAIN}", "ghp_abcdefghijklmnopqrstuvwxyz0123"], "env": {"API_TOKEN": "literal-secret-42", "MODE": "${env:PLAIN}", "REMOVED": null}, "cwd": "sub", "envFile": ".env"}');
    const text = await trustSummary(def, withInput);
    assert.equal(asked, 0, 'no input is asked for');
    assert.equal(text, [
      'npx srv --key=<redacted> --gh=<redacted> --plain=visible <redacted>',
      'in /ws/sub',
      'env: API_TOKEN=<redacted>, MODE=visible, REMOVED (unset)',
      'env file: /ws/.env (read at start, values not shown)',
    ].join('\n'));
    for (const secret of ['typed-secret', 'ghx-secret-value-1234', 'literal-secret-42', 'ghp_']) assert.ok(!text.includes(secret), secret);
  });

  it('remote servers: the resolved URL, header values with credentials masked', async () => {
    const def = server('{"type": "http", "url": "https://${env:PLAIN}.example.com/mcp?api_key=abcdef123", "headers": {"Authorization": "Bearer ${input:tok}", "X-Team": "${env:PLAIN}"}}');
    assert.equal(await trustSummary(def, withInput), 'HTTP https://visible.example.com/mcp?api_key=<redacted>\nheaders: Authorization: <redacted>, X-Team: visible');
  });

  it('a variable that cannot be resolved stays as written (Claude Code: an unset ${VAR})', async () => {
    const def = formatById('claude-code-project').read('{"mcpServers": {"s": {"command": "${MISSING}/run", "args": ["${HOME_TOOLS}"]}}}', '/ws/.mcp.json').servers[0];
    assert.equal(await trustSummary(def, ctx), '${MISSING}/run /opt/tools\nin /ws');
  });

  it('shows a token hard-coded in args as the redaction marker (the fingerprint still sees it)', async () => {
    const token = 'ghp_abcdefghijklmnopqrstuvwxyz0123';
    const def = server(`{"command": "npx", "args": ["server", "--token", "${token}"]}`);
    assert.equal((await trustSummary(def, ctx)).split('\n')[0], `npx server --token ${REDACTED}`);
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

    it('the summary names the variables the credentials come from', async () => {
      const text = await trustSummary(codex('bearer_token_env_var = "A_TOKEN"\nenv_http_headers = { "X-Api-Key" = "A_KEY" }\n'), ctx);
      assert.ok(text.includes(`X-Api-Key: ${REDACTED} (from $A_KEY)`), text);
      assert.ok(text.includes(`Authorization: Bearer ${REDACTED} (from $A_TOKEN)`), text);
    });
  });
});
