/**
 * `mcp-devtools servers` says where else a server is defined, whether the copies drift, and which
 * entry of its client wins over it (core/config/sameServer.ts).
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli, writeFiles } from '../connection/helpers';

describe('cli: servers notes copies, drift and shadowing', function () {
  this.timeout(60_000);
  let dir: string;

  before(() => {
    dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'mcp-cli-copies-')));
    writeFiles(dir, {
      'proj/.mcp.json': JSON.stringify({ mcpServers: { fs: { command: 'npx', args: ['-y', 'fs-server'], env: { TOKEN: 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8' } } } }),
      'proj/.cursor/mcp.json': JSON.stringify({ mcpServers: { files: { command: 'npx', args: ['-y', 'fs-server'], env: { TOKEN: '${env:TOKEN}' } }, home: { command: 'node', args: ['h.js'] } } }),
      'home/.cursor/mcp.json': JSON.stringify({ mcpServers: { home: { command: 'node', args: ['h.js'] } } }),
    });
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('text: "also in" with the drifting fields, and "shadowed" with the client\'s rule; no secret shown', async () => {
    const home = path.join(dir, 'home');
    const r = await runCli(['servers', '--config', '.mcp.json', '--config', '.cursor/mcp.json', '--config', path.join(home, '.cursor', 'mcp.json')], path.join(dir, 'proj'), { HOME: home });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /\n {2}fs {2}stdio {2}npx -y fs-server\n {4}also in Cursor · mcp\.json as "files": drift in env\.TOKEN\n/);
    assert.match(r.stdout, /\n {2}home {2}stdio {2}node h\.js\n {4}also in Cursor · mcp\.json: alike\n {4}shadowed: Cursor uses the entry in mcp\.json \(cursor-project\) over the one in mcp\.json \(cursor-user\)/);
    assert.ok(!r.stdout.includes('ghp_'), r.stdout);

    const j = await runCli(['servers', '--json', '--config', '.cursor/mcp.json', '--config', path.join(home, '.cursor', 'mcp.json')], path.join(dir, 'proj'), { HOME: home });
    const files = JSON.parse(j.stdout) as { path: string; servers: { name: string; copies?: string[]; drift?: string[]; shadowedBy?: string }[] }[];
    const user = files.find((f) => f.path.startsWith(home))!.servers[0];
    assert.deepEqual([user.copies, user.drift, user.shadowedBy], [[path.join(dir, 'proj', '.cursor', 'mcp.json') + '#home'], [], path.join(dir, 'proj', '.cursor', 'mcp.json') + '#home']);
  });
});
