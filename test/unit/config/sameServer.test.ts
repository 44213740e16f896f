import * as assert from 'node:assert/strict';
import { formatById } from '../../../src/core/config/formats';
import type { ConfigFile } from '../../../src/core/config/model';
import { normalizeEntry, normalizeVariables, sameServers, shownTexts } from '../../../src/core/config/sameServer';

/** A file of format `id` at `path`, read from `json` (an object for JSON formats, a string for TOML/YAML). */
function file(id: string, path: string, content: unknown): ConfigFile {
  return formatById(id).read(typeof content === 'string' ? content : JSON.stringify(content, null, 2), path);
}

const fs = (extra: object = {}) => ({ command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem', '/data'], ...extra });

describe('the same server across clients (core/config/sameServer)', () => {
  describe('grouping', () => {
    it('groups copies by name, by command + args, and by URL, transitively', () => {
      const files = [
        file('vscode-workspace', '/w/.vscode/mcp.json', { servers: { fs: fs(), api: { type: 'http', url: 'https://api.example.com/mcp' } } }),
        file('cursor-project', '/w/.cursor/mcp.json', { mcpServers: { files: fs(), other: { command: 'node', args: ['x.js'] } } }),
        file('claude-code-project', '/w/.mcp.json', { mcpServers: { files: { command: 'uvx', args: ['files-server'] }, remote: { type: 'http', url: 'https://api.example.com/mcp/' } } }),
      ];
      const { identities, byId } = sameServers(files);
      const names = identities.map((i) => [i.name, i.copies.map((c) => `${c.def.client}:${c.def.name}`)]);
      assert.deepEqual(names, [
        // fs ~ files (same command + args) ~ Claude Code's files (same name)
        ['files', ['vscode:fs', 'cursor:files', 'claude-code:files']],
        // the same URL (a trailing slash is not a difference)
        ['api', ['vscode:api', 'claude-code:remote']],
        ['other', ['cursor:other']],
      ]);
      assert.equal(byId.get('/w/.mcp.json#remote')?.identity.name, 'api');
    });

    it('leaves servers with no config file out', () => {
      const f = file('vscode-workspace', '/w/.vscode/mcp.json', { servers: { fs: fs() } });
      f.servers[0] = { ...f.servers[0], adHoc: true };
      assert.deepEqual(sameServers([f]).identities, []);
    });
  });

  describe('drift', () => {
    it('is none when copies differ only in how their client writes variables', () => {
      const files = [
        file('vscode-workspace', '/w/.vscode/mcp.json', { servers: { fs: fs({ env: { LOG: '${env:LOG_LEVEL}' } }) } }),
        file('claude-code-project', '/w/.mcp.json', { mcpServers: { fs: fs({ env: { LOG: '${LOG_LEVEL}' } }) } }),
        file('gemini-project', '/w/.gemini/settings.json', { mcpServers: { fs: fs({ env: { LOG: '$LOG_LEVEL' } }) } }),
      ];
      const [identity] = sameServers(files).identities;
      assert.equal(identity.copies.length, 3);
      assert.deepEqual(identity.drift, []);
    });

    it('names the fields that differ: args, env names and values, headers, transport', () => {
      const files = [
        file('vscode-workspace', '/w/.vscode/mcp.json', { servers: { fs: fs({ env: { A: '1' } }), api: { type: 'http', url: 'https://h/mcp', headers: { 'X-Team': 'a' } } } }),
        file('cursor-project', '/w/.cursor/mcp.json', { mcpServers: { fs: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem', '/other'], env: { A: '2', B: '3' } }, api: { url: 'https://h/mcp', headers: { 'X-Team': 'b' } } } }),
        file('windsurf', '/h/.codeium/windsurf/mcp_config.json', { mcpServers: { api: { serverUrl: 'https://h/mcp', headers: { 'X-Team': 'a' } } } }),
      ];
      const [fsId, apiId] = sameServers(files).identities;
      assert.deepEqual(fsId.drift.sort(), ['args', 'env.A', 'env.B']);
      assert.deepEqual(apiId.drift, ['headers.X-Team']);
    });

    it('reads Codex env_vars, bearer_token_env_var and env_http_headers as environment references', () => {
      const codex = file('codex-project', '/w/.codex/config.toml', '[mcp_servers.api]\nurl = "https://h/mcp"\nbearer_token_env_var = "API_TOKEN"\n\n[mcp_servers.fs]\ncommand = "npx"\nargs = ["-y", "@modelcontextprotocol/server-filesystem", "/data"]\nenv_vars = ["HOME_DIR"]\n');
      const vs = file('vscode-workspace', '/w/.vscode/mcp.json', { servers: { api: { type: 'http', url: 'https://h/mcp', headers: { Authorization: 'Bearer ${env:API_TOKEN}' } }, fs: fs({ env: { HOME_DIR: '${env:HOME_DIR}' } }) } });
      const ids = sameServers([codex, vs]).identities;
      assert.deepEqual(ids.map((i) => [i.name, i.copies.length, i.drift]), [['api', 2, []], ['fs', 2, []]]);
    });

    it('normalises each dialect to ${env:X} and leaves others as written', () => {
      assert.equal(normalizeVariables('${X} ${Y:-d} $Z ${workspaceFolder}', 'shell-braces'), '${env:X} ${env:Y:-d} $Z ${env:workspaceFolder}');
      assert.equal(normalizeVariables('$X-${Y}', 'shell'), '${env:X}-${env:Y}');
      assert.equal(normalizeVariables('${X} $Y', 'braces'), '${env:X} $Y');
      assert.equal(normalizeVariables('{env:X} {file:k}', 'opencode'), '${env:X} {file:k}');
      assert.equal(normalizeVariables('${env:X} ${input:k}', 'vscode'), '${env:X} ${input:k}');
      assert.equal(normalizeVariables('${{ secrets.KEY }}', 'continue'), '${secret:KEY}');
      assert.equal(normalizeVariables('$X ${X}', 'none'), '$X ${X}');
    });
  });

  describe('secrets in diffs', () => {
    it('never shows a literal secret, and still tells two secrets apart', () => {
      const ghp1 = 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';
      const ghp2 = 'ghp_' + 'Z9y8X7w6V5u4T3s2R1q0P9o8N7m6L5k4J3i2';
      const files = [
        file('vscode-workspace', '/w/.vscode/mcp.json', { servers: { gh: { command: 'gh-mcp', args: ['--token', ghp1], env: { GITHUB_TOKEN: ghp1, LEVEL: 'debug' } }, api: { type: 'http', url: 'https://user:hunter22pw@h/mcp?api_key=k3y-v4lue-123', headers: { Authorization: `Bearer ${ghp1}` } } } }),
        file('cursor-project', '/w/.cursor/mcp.json', { mcpServers: { gh: { command: 'gh-mcp', args: ['--token', ghp2], env: { GITHUB_TOKEN: ghp2, LEVEL: 'debug' } }, api: { url: 'https://user:hunter22pw@h/mcp?api_key=k3y-v4lue-123', headers: { Authorization: 'Bearer ${env:T}' } } } }),
      ];
      const { identities } = sameServers(files);
      const gh = identities.find((i) => i.name === 'gh')!;
      assert.deepEqual(gh.drift.sort(), ['args', 'env.GITHUB_TOKEN'], 'different secrets are drift');
      const texts = identities.flatMap(shownTexts).join('\n');
      for (const secret of [ghp1, ghp2, 'hunter22pw', 'k3y-v4lue-123']) assert.ok(!texts.includes(secret), `${secret} shown in\n${texts}`);
      const [a, b] = shownTexts(gh);
      assert.match(a, /"GITHUB_TOKEN": "<redacted #1>"/);
      assert.match(b, /"GITHUB_TOKEN": "<redacted #2>"/);
      assert.match(a, /"LEVEL": "debug"/, 'a value that is no secret is shown');
      assert.match(shownTexts(identities.find((i) => i.name === 'api')!)[1], /"Authorization": "Bearer \$\{env:T\}"/, 'a reference is shown');
    });
  });

  describe('shadowing, by each client\'s rule', () => {
    it('Claude Code: local over project over user', () => {
      const user = file('claude-code-user', '/h/.claude.json', { mcpServers: { fs: fs() }, projects: { '/w': { mcpServers: { fs: fs({ env: { A: '1' } }) } } } });
      const project = file('claude-code-project', '/w/.mcp.json', { mcpServers: { fs: fs() } });
      const { byId } = sameServers([project, user]);
      const local = user.servers.find((s) => s.project)!;
      const top = user.servers.find((s) => !s.project)!;
      assert.equal(byId.get(local.id)?.copy.shadowedBy, undefined);
      assert.deepEqual(byId.get(local.id)?.copy.shadows?.sort(), [project.servers[0].id, top.id].sort());
      const reason = byId.get(project.servers[0].id)?.copy.shadowedBy?.reason ?? '';
      assert.match(reason, /Claude Code uses the entry in \.claude\.json \(local scope, \/w\) over the one in \.mcp\.json \(claude-code-project\)/);
      assert.match(reason, /code\.claude\.com/, 'the reason names its source');
      assert.equal(byId.get(top.id)?.copy.shadowedBy?.id, local.id);
    });

    it('Gemini CLI, Codex and Cursor: project over user', () => {
      for (const [p, u, pPath, uPath, content] of [
        ['gemini-project', 'gemini-user', '/w/.gemini/settings.json', '/h/.gemini/settings.json', { mcpServers: { fs: fs() } }],
        ['codex-project', 'codex-user', '/w/.codex/config.toml', '/h/.codex/config.toml', '[mcp_servers.fs]\ncommand = "npx"\n'],
        ['cursor-project', 'cursor-user', '/w/.cursor/mcp.json', '/h/.cursor/mcp.json', { mcpServers: { fs: fs() } }],
      ] as const) {
        const { byId } = sameServers([file(u, uPath, content), file(p, pPath, content)]);
        assert.equal(byId.get(`${uPath}#fs`)?.copy.shadowedBy?.id, `${pPath}#fs`, p);
        assert.equal(byId.get(`${pPath}#fs`)?.copy.shadowedBy, undefined, p);
      }
    });

    it('no shadowing across clients, between different names, or in a client with no rule (VS Code lists both)', () => {
      const { identities } = sameServers([
        file('vscode-workspace', '/w/.vscode/mcp.json', { servers: { fs: fs() } }),
        file('vscode-user', '/h/.config/Code/User/mcp.json', { servers: { fs: fs() } }),
        file('cursor-project', '/w/.cursor/mcp.json', { mcpServers: { fs: fs(), files: fs() } }),
      ]);
      assert.equal(identities.length, 1);
      assert.ok(identities[0].copies.every((c) => !c.shadowedBy && !c.shadows));
    });
  });

  it('a definition with no transport normalises to "none"', () => {
    const f = file('cursor-project', '/w/.cursor/mcp.json', { mcpServers: { broken: { args: ['x'] } } });
    assert.deepEqual(normalizeEntry(f.servers[0]), { transport: 'none' });
  });
});
