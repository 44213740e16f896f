import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { formatById } from '../../../src/core/config/formats';
import type { ServerDefinition } from '../../../src/core/config/model';
import { resolveLaunch, VariableError, type VariableContext } from '../../../src/core/connection';
import { checkUrl, remoteTransport } from '../../../src/core/connection/transports';

/** One Codex server, read from TOML as the extension and the CLI read it. */
const codex = (fields: string, url = 'http://127.0.0.1:1/mcp'): ServerDefinition =>
  formatById('codex-project').read(`[mcp_servers.api]\nurl = "${url}"\n${fields}`, '/ws/.codex/config.toml').servers[0];

const ctx = (env: Record<string, string>): VariableContext => ({ env, userHome: '/home/me' });

describe('connection: Codex bearer_token_env_var and env_http_headers', () => {
  it('become headers, read from the environment; their values are secrets', async () => {
    const def = codex('http_headers = { "X-Static" = "1" }\nbearer_token_env_var = "API_TOKEN"\nenv_http_headers = { "X-Api-Key" = "API_KEY", "X-Unset" = "NOT_SET", "X-Blank" = "BLANK" }\n');
    const { launch, secrets } = await resolveLaunch(def, ctx({ API_TOKEN: 'tok-1234567890', API_KEY: 'key-abcdefghij', BLANK: ' ' }));
    assert.ok(launch.kind === 'http');
    assert.deepEqual(launch.headers, { 'X-Static': '1', 'X-Api-Key': 'key-abcdefghij', Authorization: 'Bearer tok-1234567890' });
    for (const s of ['tok-1234567890', 'key-abcdefghij']) assert.ok(secrets.includes(s), s);
  });

  it('the bearer token replaces a written Authorization header', async () => {
    const { launch } = await resolveLaunch(codex('http_headers = { "authorization" = "Basic old" }\nbearer_token_env_var = "T"\n'), ctx({ T: 'new-token' }));
    assert.deepEqual(launch.kind !== 'stdio' && launch.headers, { Authorization: 'Bearer new-token' });
  });

  it('an unset or empty bearer_token_env_var stops the start and says which variable', async () => {
    await assert.rejects(resolveLaunch(codex('bearer_token_env_var = "API_TOKEN"\n'), ctx({})), (e: Error) => e instanceof VariableError && /API_TOKEN is not set.*bearer_token_env_var/.test(e.message));
    await assert.rejects(resolveLaunch(codex('bearer_token_env_var = "API_TOKEN"\n'), ctx({ API_TOKEN: '' })), /API_TOKEN is empty/);
  });

  it('are sent to the server when connecting', async () => {
    const seen: http.IncomingHttpHeaders[] = [];
    const server = http.createServer((req, res) => {
      seen.push(req.headers);
      req.resume();
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`;
      const def = codex('bearer_token_env_var = "API_TOKEN"\nenv_http_headers = { "X-Api-Key" = "API_KEY" }\n', url);
      const { launch } = await resolveLaunch(def, ctx({ API_TOKEN: 'tok-1234567890', API_KEY: 'key-abcdefghij' }));
      assert.ok(launch.kind === 'http');
      const transport = remoteTransport(launch, 'http', checkUrl(launch));
      await transport.start();
      await transport.send({ jsonrpc: '2.0', id: 1, method: 'ping' }).catch(() => undefined);
      await transport.close();
      assert.ok(seen.length >= 1);
      assert.equal(seen[0].authorization, 'Bearer tok-1234567890');
      assert.equal(seen[0]['x-api-key'], 'key-abcdefghij');
    } finally {
      server.close();
    }
  });
});
