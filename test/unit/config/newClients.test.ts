import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { discoverConfigs } from '../../../src/core/config/discovery';
import { findConfigFolder } from '../../../src/core/config/configFolder';
import { formatById } from '../../../src/core/config/formats';
import { assertRange, readFixture, remote, server, stdio } from './helpers';

const args = (s: Parameters<typeof stdio>[0]) => stdio(s).args.map((a) => a.value);

describe('Kiro format', () => {
  const { file } = readFixture('kiro/valid/.kiro/settings/mcp.json');

  it('reads command, args, env unresolved, autoApprove, disabledTools; a url is Streamable HTTP with headers', () => {
    assert.equal(file.format, 'kiro-workspace');
    const search = server(file, 'web-search');
    assert.equal(stdio(search).command.value, 'npx');
    assert.equal(stdio(search).env.BRAVE_API_KEY.value, '${BRAVE_API_KEY}');
    assert.deepEqual(search.options, { disabled: false, autoApprove: ['brave_web_search'], excludeTools: ['brave_local_search'] });
    assert.equal(remote(server(file, 'api-server'), 'http').headers.Authorization.value, 'Bearer ${API_TOKEN}');
  });
});

describe('Zed format', () => {
  const { text, file } = readFixture('zed/valid/.zed/settings.json');

  it('reads context_servers only, in the flat shape and the 2025 {path, args, env} shape; timeout in seconds', () => {
    assert.equal(file.format, 'zed-project');
    assert.deepEqual(file.servers.map((s) => s.name), ['filesystem', 'legacy-shape', 'docs']);
    const fs1 = server(file, 'filesystem');
    assert.equal(fs1.options.requestTimeoutMs, 120_000);
    assertRange(text, fs1.optionRanges?.requestTimeoutMs, '120', '11:17');
    const legacy = stdio(server(file, 'legacy-shape'));
    assertRange(text, legacy.command.range, '"uvx"', '16:16');
    assert.deepEqual(args(server(file, 'legacy-shape')), ['mcp-server-time']);
    assert.equal(legacy.env.TZ.value, 'Europe/Paris');
  });

  it('enabled: false disables; a url is HTTP with headers', () => {
    const docs = server(file, 'docs');
    assert.equal(docs.options.disabled, true);
    assert.equal(remote(docs, 'http').headers['X-Client'].value, 'zed');
  });

  it('a server an extension provides has no transport of its own', () => {
    const user = readFixture('zed/valid/.config/zed/settings.json').file;
    assert.equal(user.format, 'zed-user');
    assert.equal(server(user, 'from-extension').transport, undefined);
    assert.equal(server(user, 'github').options.requestTimeoutMs, 90_000);
  });
});

describe('GitHub Copilot CLI format', () => {
  it('type local is stdio; tools ["*"] is no restriction, a list is an allow list', () => {
    const { file } = readFixture('copilot-cli/valid/.copilot/mcp-config.json');
    assert.equal(file.format, 'copilot-cli-user');
    const pw = server(file, 'playwright');
    assert.equal(pw.typeWord?.value, 'local');
    assert.deepEqual(args(pw), ['-y', '@playwright/mcp@latest']);
    assert.equal(pw.options.includeTools, undefined);
    const c7 = server(file, 'context7');
    assert.equal(remote(c7, 'http').headers.CONTEXT7_API_KEY.value, '${CONTEXT7_API_KEY}');
    assert.deepEqual(c7.options.includeTools, ['resolve-library-id', 'get-library-docs']);
  });

  it('reads the repository file .github/mcp.json (type sse)', () => {
    const { file } = readFixture('copilot-cli/valid/.github/mcp.json');
    assert.equal(file.format, 'copilot-cli-project');
    remote(server(file, 'cloudflare-docs'), 'sse');
  });
});

describe('Roo Code format', () => {
  const { text, file } = readFixture('roo/valid/.roo/mcp.json');

  it('reads cwd, alwaysAllow as autoApprove, timeout in seconds, disabledTools', () => {
    assert.equal(file.format, 'roo-project');
    const local = server(file, 'local-server');
    assert.equal(stdio(local).cwd?.value, '${workspaceFolder}');
    assert.deepEqual(local.options.autoApprove, ['tool1']);
    assert.equal(local.options.requestTimeoutMs, 120_000);
    assertRange(text, local.optionRanges?.requestTimeoutMs, '120', '11:17');
    assert.deepEqual(server(file, 'remote-server').options.excludeTools, ['delete_everything']);
  });

  it('type streamable-http is Streamable HTTP, sse is SSE', () => {
    remote(server(file, 'remote-server'), 'http');
    remote(server(file, 'legacy-sse'), 'sse');
    assert.equal(readFixture('roo/valid/Code/User/globalStorage/rooveterinaryinc.roo-cline/settings/mcp_settings.json').file.format, 'roo-global');
  });
});

describe('OpenCode format', () => {
  const { text, file } = readFixture('opencode/valid/opencode.jsonc');

  it('local: command is one array, the program then its arguments, each with its range; environment is the env', () => {
    assert.equal(file.format, 'opencode-project');
    const every = server(file, 'everything');
    const t = stdio(every);
    assertRange(text, t.command.range, '"npx"', '7:18');
    assert.deepEqual(args(every), ['-y', '@modelcontextprotocol/server-everything']);
    assertRange(text, t.args[1].range, '"@modelcontextprotocol/server-everything"', '7:31');
    assert.equal(t.env.LOG_LEVEL.value, '{env:LOG_LEVEL}');
    assert.deepEqual(every.options, { disabled: false, requestTimeoutMs: 10_000 });
  });

  it('remote is Streamable HTTP (falling back to SSE); enabled: false disables', () => {
    remote(server(file, 'sentry'), 'http');
    const c7 = server(file, 'context7');
    assert.equal(c7.options.disabled, true);
    assert.equal(remote(c7, 'http').headers.CONTEXT7_API_KEY.value, '{env:CONTEXT7_API_KEY}');
  });

  it('an empty command array is no transport', () => {
    const f = formatById('opencode-project').read('{"mcp": {"a": {"type": "local", "command": []}}}', '/w/opencode.json');
    assert.equal(f.servers[0].transport, undefined);
  });
});

describe("VS Code's legacy mcp key in settings.json", () => {
  it('reads mcp.servers and mcp.inputs of a workspace settings.json', () => {
    const { file } = readFixture('vscode/valid/.vscode/settings.json');
    assert.equal(file.format, 'vscode-settings-workspace');
    assert.equal(file.client, 'vscode');
    assert.equal(stdio(server(file, 'github')).env.GITHUB_PERSONAL_ACCESS_TOKEN.value, '${input:gh-token}');
    assert.deepEqual(file.inputs.map((i) => [i.id, i.password]), [['gh-token', true]]);
  });

  it('reads the user settings.json', () => {
    const { file } = readFixture('vscode/valid/Code/User/settings.json');
    assert.equal(file.format, 'vscode-settings-user');
    assert.deepEqual(args(server(file, 'fetch')), ['mcp-server-fetch']);
  });
});

describe('settings files that hold MCP servers only sometimes', () => {
  let root: string;
  before(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'mcp-shared-'));
    const write = async (rel: string, text: string) => {
      await fs.mkdir(path.dirname(path.join(root, rel)), { recursive: true });
      await fs.writeFile(path.join(root, rel), text);
    };
    await write('plain/.vscode/settings.json', '{ "editor.tabSize": 2 }');
    await write('plain/.zed/settings.json', '{ "tab_size": 2 }');
    await write('plain/opencode.json', '{ "theme": "opencode" }');
    await write('plain/sub/.keep', '');
    await write('mcp/.zed/settings.json', '{ "context_servers": { "a": { "command": "node" } } }');
    await write('mcp/.kiro/settings/mcp.json', '{ "mcpServers": { "k": { "command": "node" } } }');
    await write('mcp/opencode.json', '{ "mcp": { "o": { "type": "local", "command": ["node"] } } }');
    await write('mcp/sub/.keep', '');
  });
  after(() => fs.rm(root, { recursive: true, force: true }));

  it('discovery lists them only when they have their servers key', async () => {
    const files = await discoverConfigs({ folders: [path.join(root, 'plain'), path.join(root, 'mcp')], includeUser: false });
    assert.deepEqual(files.map((f) => [path.relative(root, f.path).split(path.sep).join('/'), f.servers.map((s) => s.name).join()]), [
      ['mcp/.kiro/settings/mcp.json', 'k'],
      ['mcp/.zed/settings.json', 'a'],
      ['mcp/opencode.json', 'o'],
    ]);
  });

  it('the walk up to a config folder skips a folder whose only candidates are settings files without servers', async () => {
    const env = { platform: process.platform === 'win32' ? 'win32' : process.platform === 'darwin' ? 'darwin' : 'linux', home: '/nonexistent-home' } as const;
    assert.equal(await findConfigFolder(path.join(root, 'plain/sub'), env), undefined);
    assert.equal(await findConfigFolder(path.join(root, 'mcp/sub'), env), path.join(root, 'mcp'));
  });
});
