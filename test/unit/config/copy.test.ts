/**
 * Copy a server between clients (`core/config/copy`): the server in the target's dialect, the
 * target file's comments kept, a note for what is written differently or left out, and a result
 * the target's linter finds nothing wrong with.
 */
import * as assert from 'node:assert/strict';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import { CopyError, defaultTargetPath, NameClashError, planCopy, unifiedDiff, type CopyPlan } from '../../../src/core/config/copy';
import { ALL_FORMATS, formatById } from '../../../src/core/config/formats';
import { DET, run } from '../lint/helpers';

const WS = '/ws';
const HOME = '/home/me';

/** A parsed value as plain JSON data (smol-toml makes objects with no prototype). */
const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

/** The servers of a config text in format `id`, read as the extension reads them. */
function read(text: string, id: string, path = `${WS}/src.json`) {
  return formatById(id).read(text, path);
}

function source(text: string, id: string, name: string) {
  const file = read(text, id);
  const def = file.servers.find((s) => s.name === name);
  assert.ok(def, `no ${name} in ${JSON.stringify(file.servers.map((s) => s.name))} (${file.error?.message})`);
  return { def, inputs: file.inputs, workspaceFolder: WS, home: HOME };
}

function copy(def: ReturnType<typeof source>, to: string, text = '', extra: { name?: string; replace?: boolean } = {}): CopyPlan {
  return planCopy({ source: def, to, path: `${WS}/target-of-${to}`, text, ...extra });
}

/** The target linter's findings on the result, as `code: message` lines (none expected). */
function lintOf(plan: CopyPlan): string[] {
  return run(plan.after, plan.path, { ...DET, format: plan.format.id }).filter((f) => f.severity !== 'info').map((f) => `${f.code}: ${f.message}`);
}

const VSCODE = `{
  // the team's servers
  "inputs": [{ "id": "api-key", "type": "promptString", "description": "The API key", "password": true }],
  "servers": {
    "fs": {
      "type": "stdio",
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-filesystem", "\${workspaceFolder}"],
      "env": { "LOG_LEVEL": "\${env:LOG_LEVEL}", "API_KEY": "\${input:api-key}" }
    },
    "remote": { "type": "http", "url": "https://example.com/mcp", "headers": { "Authorization": "Bearer \${env:TOKEN}", "X-Team": "\${input:team}" } }
  }
}`;

describe('copy a server between clients', () => {
  describe('from VS Code', () => {
    const fs = source(VSCODE, 'vscode-workspace', 'fs');

    it('to Claude Code: ${env:X} becomes ${X}, ${workspaceFolder} is resolved with a note, and the file lints clean', () => {
      const plan = copy(fs, 'claude-code-project');
      const json = JSON.parse(plan.after) as { mcpServers: Record<string, { command: string; args: string[]; env: Record<string, string> }> };
      assert.deepEqual(json.mcpServers.fs, {
        type: 'stdio',
        command: 'npx',
        args: ['-y', '@modelcontextprotocol/server-filesystem', WS],
        env: { LOG_LEVEL: '${LOG_LEVEL}', API_KEY: '${API_KEY}' },
      });
      assert.ok(plan.notes.some((n) => n.message.includes('${workspaceFolder}') && n.message.includes(WS)), JSON.stringify(plan.notes));
      assert.deepEqual(lintOf(plan), []);
    });

    it('a VS Code input becomes an environment reference, with a note saying so', () => {
      const plan = copy(fs, 'claude-code-project');
      const note = plan.notes.find((n) => n.message.includes('input "api-key"'));
      assert.ok(note, JSON.stringify(plan.notes));
      assert.match(note.message, /The API key.*environment variable API_KEY/);
    });

    it('to Codex: a [mcp_servers.fs] table, variables passed by name (env_vars), lints clean', () => {
      const plan = copy(fs, 'codex-project');
      assert.match(plan.after, /^\[mcp_servers\.fs\]$/m);
      const toml = plain(parseToml(plan.after)) as { mcp_servers: Record<string, Record<string, unknown>> };
      assert.deepEqual(toml.mcp_servers.fs, { command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem', WS], env_vars: ['LOG_LEVEL', 'API_KEY'] });
      assert.deepEqual(lintOf(plan), []);
    });

    it('to Codex, a remote server: the bearer token and a header from variables by name', () => {
      const plan = copy(source(VSCODE, 'vscode-workspace', 'remote'), 'codex-project');
      const toml = plain(parseToml(plan.after)) as { mcp_servers: Record<string, Record<string, unknown>> };
      assert.deepEqual(toml.mcp_servers.remote, { url: 'https://example.com/mcp', bearer_token_env_var: 'TOKEN', env_http_headers: { 'X-Team': 'TEAM' } });
      assert.deepEqual(lintOf(plan), []);
    });

    it('to Cursor keeps ${workspaceFolder} (Cursor has it) and says nothing about it', () => {
      const plan = copy(fs, 'cursor-project');
      const json = JSON.parse(plan.after) as { mcpServers: { fs: { args: string[]; env: Record<string, string> } } };
      assert.equal(json.mcpServers.fs.args[2], '${workspaceFolder}');
      assert.equal(json.mcpServers.fs.env.LOG_LEVEL, '${env:LOG_LEVEL}');
      assert.ok(!plan.notes.some((n) => n.message.includes('workspaceFolder')));
    });

    it('to Gemini CLI: $X', () => {
      const plan = copy(fs, 'gemini-project');
      const json = JSON.parse(plan.after) as { mcpServers: { fs: { env: Record<string, string> } } };
      assert.equal(json.mcpServers.fs.env.LOG_LEVEL, '$LOG_LEVEL');
      assert.deepEqual(lintOf(plan), []);
    });

    it('to Claude Desktop (no variables): what cannot be expressed is left out with a warning, not silently', () => {
      const plan = copy(fs, 'claude-desktop');
      const json = JSON.parse(plan.after) as { mcpServers: { fs: Record<string, unknown> } };
      assert.equal(json.mcpServers.fs.env, undefined);
      assert.equal(plan.notes.filter((n) => n.severity === 'warning' && /env\.(LOG_LEVEL|API_KEY)/.test(n.message)).length, 2, JSON.stringify(plan.notes));
    });

    it('to a client that cannot reach the transport: a CopyError that says so', () => {
      assert.throws(() => copy(source(VSCODE, 'vscode-workspace', 'remote'), 'claude-desktop'), (e: Error) => e instanceof CopyError && /Claude Desktop cannot connect to a remote server/.test(e.message));
    });
  });

  describe('between other clients', () => {
    it('Claude Code → VS Code: ${X} becomes ${env:X}; a default VS Code cannot write is reported', () => {
      const cc = source(JSON.stringify({ mcpServers: { s: { command: 'node', args: ['${HOME}/s.js'], env: { A: '${A}', B: '${B:-x}' } } } }), 'claude-code-project', 's');
      const plan = copy(cc, 'vscode-workspace');
      const json = JSON.parse(plan.after) as { servers: { s: { args: string[]; env: Record<string, string> } } };
      assert.deepEqual(json.servers.s.env, { A: '${env:A}', B: '${env:B}' });
      assert.equal(json.servers.s.args[0], '${userHome}/s.js');
      assert.ok(plan.notes.some((n) => n.severity === 'warning' && n.message.includes('"x" of B')), JSON.stringify(plan.notes));
    });

    it('Gemini CLI → Cline: the timeout converted from milliseconds to seconds, with a note', () => {
      const g = source(JSON.stringify({ mcpServers: { s: { command: 'node', args: ['s.js'], timeout: 30000, trust: true } } }), 'gemini-project', 's');
      const plan = copy(g, 'cline');
      const json = JSON.parse(plan.after) as { mcpServers: { s: Record<string, unknown> } };
      assert.equal(json.mcpServers.s.timeout, 30);
      assert.ok(plan.notes.some((n) => /milliseconds to seconds/.test(n.message)));
      assert.ok(plan.notes.some((n) => n.severity === 'warning' && n.message.startsWith('trust')), JSON.stringify(plan.notes));
      assert.deepEqual(lintOf(plan), []);
    });

    it('Codex → Claude Code: env_vars become ${X}; a timeout Claude Code has no key for is reported; disabled_tools too', () => {
      const text = '[mcp_servers.s]\ncommand = "node"\nenv_vars = ["TOKEN"]\nstartup_timeout_sec = 20\ndisabled_tools = ["rm"]\n';
      const plan = copy(source(text, 'codex-project', 's'), 'claude-code-project');
      const json = JSON.parse(plan.after) as { mcpServers: { s: Record<string, unknown> } };
      assert.deepEqual(json.mcpServers.s.env, { TOKEN: '${TOKEN}' });
      assert.ok(plan.notes.some((n) => n.severity === 'warning' && n.message.startsWith('startup timeout')));
      assert.ok(plan.notes.some((n) => n.severity === 'warning' && n.message.startsWith('excludeTools')));
      assert.deepEqual(lintOf(plan), []);
    });

    it('Codex → Windsurf: the remote URL under serverUrl; the bearer variable becomes an Authorization header', () => {
      const text = '[mcp_servers.r]\nurl = "https://example.com/mcp"\nbearer_token_env_var = "TOKEN"\n';
      const plan = copy(source(text, 'codex-project', 'r'), 'windsurf');
      const json = JSON.parse(plan.after) as { mcpServers: { r: Record<string, unknown> } };
      assert.deepEqual(json.mcpServers.r, { serverUrl: 'https://example.com/mcp', headers: { Authorization: 'Bearer ${env:TOKEN}' } });
      assert.deepEqual(lintOf(plan), []);
    });

    it('a Streamable HTTP server to Cline: its own type word (streamableHttp)', () => {
      const plan = copy(source(VSCODE, 'vscode-workspace', 'remote'), 'cline');
      const json = JSON.parse(plan.after) as { mcpServers: { remote: Record<string, unknown> } };
      assert.equal(json.mcpServers.remote.type, 'streamableHttp');
    });
  });

  describe('from the clients added last (Kiro, OpenCode, Zed, Copilot CLI, Roo Code)', () => {
    it('OpenCode → Claude Code: the one-array command becomes command + args, environment becomes env, {env:X} becomes ${X}', () => {
      const oc = source(`{ "mcp": { "fs": { "type": "local", "command": ["npx", "-y", "server-fs", "/data"], "environment": { "LOG_LEVEL": "{env:LOG_LEVEL}" } } } }`, 'opencode-project', 'fs');
      const plan = copy(oc, 'claude-code-project');
      assert.deepEqual(plain(JSON.parse(plan.after)), { mcpServers: { fs: { type: 'stdio', command: 'npx', args: ['-y', 'server-fs', '/data'], env: { LOG_LEVEL: '${LOG_LEVEL}' } } } });
      assert.deepEqual(lintOf(plan), []);
    });

    it('Kiro → VS Code: ${X} becomes ${env:X} in a header', () => {
      const kiro = source(`{ "mcpServers": { "gh": { "url": "https://api.example.com/mcp", "headers": { "Authorization": "Bearer \${GH_TOKEN}" } } } }`, 'kiro-workspace', 'gh');
      const plan = copy(kiro, 'vscode-workspace');
      const json = JSON.parse(plan.after) as { servers: Record<string, { type: string; url: string; headers: Record<string, string> }> };
      assert.deepEqual(json.servers.gh, { type: 'http', url: 'https://api.example.com/mcp', headers: { Authorization: 'Bearer ${env:GH_TOKEN}' } });
      assert.deepEqual(lintOf(plan), []);
    });

    it('Claude Code → OpenCode, Zed, Copilot CLI, Roo Code and Kiro: each in its dialect, each lints clean', () => {
      const cc = source(`{ "mcpServers": { "fs": { "command": "npx", "args": ["-y", "server-fs"], "env": { "LOG_LEVEL": "\${LOG_LEVEL}" } } } }`, 'claude-code-project', 'fs');
      const envOf = (id: string) => {
        const plan = copy(cc, id);
        assert.deepEqual(lintOf(plan), [], id);
        return plan.after;
      };
      assert.match(envOf('opencode-project'), /"command": \[\s*"npx",\s*"-y",\s*"server-fs"\s*\][\s\S]*"environment": \{\s*"LOG_LEVEL": "\{env:LOG_LEVEL\}"/);
      assert.match(envOf('kiro-workspace'), /"LOG_LEVEL": "\$\{LOG_LEVEL\}"/);
      assert.match(envOf('copilot-cli-project'), /"type": "local"[\s\S]*"LOG_LEVEL": "\$\{LOG_LEVEL\}"/);
      assert.match(envOf('roo-project'), /"LOG_LEVEL": "\$\{env:LOG_LEVEL\}"/);
      const zed = copy(cc, 'zed-project');
      assert.ok(!zed.after.includes('LOG_LEVEL'), 'Zed expands no variables: left out');
      assert.ok(zed.notes.some((n) => n.severity === 'warning' && /Zed expands no variables/.test(n.message)), JSON.stringify(zed.notes));
    });
  });

  it('into every format a client writes: the result lints with no error or warning', () => {
    const stdio = source(JSON.stringify({ servers: { s: { type: 'stdio', command: 'node', args: ['server.js', '${workspaceFolder}'], env: { LEVEL: '${env:LEVEL}', MODE: 'fast' }, cwd: '${workspaceFolder}' } } }), 'vscode-workspace', 's');
    const http = source(JSON.stringify({ servers: { h: { type: 'http', url: 'https://example.com/mcp', headers: { 'X-Trace': 'on' } } } }), 'vscode-workspace', 'h');
    const sse = source(JSON.stringify({ servers: { e: { type: 'sse', url: 'https://example.com/sse' } } }), 'vscode-workspace', 'e');
    for (const format of ALL_FORMATS) {
      for (const src of [stdio, http, sse]) {
        let plan: CopyPlan;
        try {
          plan = copy(src, format.id);
        } catch (e) {
          assert.ok(e instanceof CopyError && format.client === 'claude-desktop' && src !== stdio, `${format.id} ${src.def.name}: ${(e as Error).message}`);
          continue;
        }
        const errors = run(plan.after, plan.path, { ...DET, format: format.id }).filter((f) => f.severity !== 'info');
        assert.deepEqual(errors.map((f) => `${f.code}: ${f.message}`), [], `${format.id} ${src.def.name}:\n${plan.after}`);
        const back = format.read(plan.after, plan.path).servers.find((s) => s.name === src.def.name);
        assert.equal(back?.transport?.kind === 'stdio' ? 'stdio' : back?.transport && 'remote', src.def.transport?.kind === 'stdio' ? 'stdio' : 'remote', `${format.id} ${src.def.name} read back:\n${plan.after}`);
      }
    }
  });

  describe('the target file', () => {
    const fs = source(VSCODE, 'vscode-workspace', 'fs');

    it('JSON: comments and the other servers stay; one edit', () => {
      const target = '{\n  // ours\n  "mcpServers": {\n    "other": { "command": "node" } // keep\n  }\n}\n';
      const plan = copy(fs, 'cursor-project', target);
      assert.ok(plan.after.includes('// ours') && plan.after.includes('// keep'), plan.after);
      assert.deepEqual(read(plan.after, 'cursor-project').servers.map((s) => s.name), ['other', 'fs']);
    });

    it('TOML: comments and the tables around stay; with replace, only that server\'s tables go', () => {
      const target = '# codex\nmodel = "o3"\n\n[mcp_servers.fs] # old\ncommand = "old"\n\n[mcp_servers.fs.env]\nA = "1"\n\n[mcp_servers.other] # keep me\ncommand = "node"\n';
      assert.throws(() => copy(fs, 'codex-project', target), NameClashError);
      const plan = copy(fs, 'codex-project', target, { replace: true });
      assert.ok(plan.replaced);
      assert.ok(plan.after.startsWith('# codex\nmodel = "o3"\n\n[mcp_servers.other] # keep me\ncommand = "node"\n'), plan.after);
      assert.ok(!plan.after.includes('old'));
      const toml = plain(parseToml(plan.after)) as { mcp_servers: Record<string, Record<string, unknown>> };
      assert.equal(toml.mcp_servers.fs.command, 'npx');
      const renamed = copy(fs, 'codex-project', target, { name: 'fs-2' });
      assert.match(renamed.after, /\[mcp_servers\.fs-2\]/);
    });

    it('YAML: Continue\'s config.yaml keeps its comments; a new block file gets its name, version and schema', () => {
      const target = '# my continue config\nname: Me\nversion: 1.0.0\nschema: v1\nmcpServers:\n  # the first\n  - name: a\n    command: node\n';
      const plan = copy(fs, 'continue-user', target);
      assert.ok(plan.after.includes('# my continue config') && plan.after.includes('# the first'), plan.after);
      const yaml = parseYaml(plan.after) as { mcpServers: { name: string; env?: Record<string, string> }[] };
      assert.deepEqual(yaml.mcpServers.map((s) => s.name), ['a', 'fs']);
      assert.equal(yaml.mcpServers[1].env?.LOG_LEVEL, '${{ secrets.LOG_LEVEL }}');
      assert.deepEqual(lintOf(plan), []);
      const block = copy(fs, 'continue-project');
      assert.deepEqual(Object.keys(parseYaml(block.after) as object), ['name', 'version', 'schema', 'mcpServers']);
    });

    it('the default file of a format: the project\'s under the folder, the user\'s in the home folder', () => {
      const env = { platform: 'linux' as const, home: HOME };
      assert.equal(defaultTargetPath('claude-code-project', WS, env, 'fs'), `${WS}/.mcp.json`);
      assert.equal(defaultTargetPath('codex-project', WS, env, 'fs'), `${WS}/.codex/config.toml`);
      assert.equal(defaultTargetPath('continue-project', WS, env, 'fs'), `${WS}/.continue/mcpServers/fs.yaml`);
      assert.equal(defaultTargetPath('cursor-user', WS, env, 'fs'), `${HOME}/.cursor/mcp.json`);
      assert.equal(defaultTargetPath('vscode-code-workspace', WS, env, 'fs'), undefined);
    });
  });

  it('unifiedDiff: one hunk with three lines of context, /dev/null for a new file', () => {
    const before = 'a\nb\nc\nd\ne\nf\ng\n';
    const after = 'a\nb\nc\nd\nX\ne\nf\ng\n';
    assert.equal(unifiedDiff(before, after, 'f.txt'), '--- a/f.txt\n+++ b/f.txt\n@@ -2,6 +2,7 @@\n b\n c\n d\n+X\n e\n f\n g');
    assert.equal(unifiedDiff('', 'x\n', 'n.txt'), '--- /dev/null\n+++ b/n.txt\n@@ -0,0 +1 @@\n+x');
    assert.equal(unifiedDiff('same', 'same', 'f'), '');
  });
});

