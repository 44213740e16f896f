/**
 * A server with no config file: a URL or a command line made into a ServerDefinition
 * (core/config/adHoc.ts), the command line split as a shell does (commandLine.ts), and written
 * into a config file in the client's dialect (serverEntry.ts), read back by the same reader.
 */
import * as assert from 'node:assert/strict';
import { parse } from 'jsonc-parser';
import { adHocDefinition, adHocName, AdHocError, parseEnvAssignment, parseHeader, urlProblem } from '../../../src/core/config/adHoc';
import { parseServerInput, splitCommandLine } from '../../../src/core/config/commandLine';
import { formatById } from '../../../src/core/config/formats';
import { addServerEdits, applyEdits } from '../../../src/core/config/serverEntry';

describe('servers with no config file', () => {
  describe('adHocDefinition', () => {
    it('a command line: stdio, a readable name, a stable id that shows no secret, cwd from the folder', () => {
      const a = adHocDefinition({ kind: 'command', argv: ['node', '/x/server-everything/dist/index.js', 'stdio'], env: { API_KEY: 'sekret-value' }, cwd: 'sub' }, '/work/folder');
      const b = adHocDefinition({ kind: 'command', argv: ['node', '/x/server-everything/dist/index.js', 'stdio'], env: { API_KEY: 'sekret-value' }, cwd: 'sub' }, '/work/folder');
      assert.equal(a.id, b.id);
      assert.match(a.id, /^adhoc:[0-9a-f]{16}$/);
      assert.equal(a.name, 'server-everything');
      assert.equal(a.adHoc, true);
      assert.equal(a.transport?.kind, 'stdio');
      if (a.transport?.kind !== 'stdio') return;
      assert.equal(a.transport.cwd?.value, '/work/folder/sub');
      assert.deepEqual(a.transport.args.map((x) => x.value), ['/x/server-everything/dist/index.js', 'stdio']);
      assert.equal(a.transport.env.API_KEY.value, 'sekret-value');
      assert.notEqual(a.id, adHocDefinition({ kind: 'command', argv: ['node', 'other.js'] }, '/work/folder').id);
    });

    it('a URL: http(s) is Streamable HTTP (with the SSE fallback), ws(s) WebSocket; the name is the host', () => {
      const h = adHocDefinition({ kind: 'url', url: 'https://user:pw@example.com:8443/mcp?k=1', headers: { Authorization: 'Bearer abc' } }, '/f');
      assert.equal(h.transport?.kind, 'http');
      assert.equal(h.name, 'example.com:8443');
      assert.equal(adHocDefinition({ kind: 'url', url: 'wss://gw.example/ws' }, '/f').transport?.kind, 'ws');
    });

    it('refuses another scheme and an empty command line, saying what to give', () => {
      assert.throws(() => adHocDefinition({ kind: 'url', url: 'ftp://example.com/mcp' }, '/f'), (e: Error) => e instanceof AdHocError && /http:\/\/, https:\/\/, ws:\/\/ or wss:\/\//.test(e.message));
      assert.throws(() => adHocDefinition({ kind: 'command', argv: [] }, '/f'), /command line is empty/);
      assert.equal(urlProblem('http://127.0.0.1:3000/mcp'), undefined);
      assert.match(urlProblem('http//nope') ?? '', /not a URL/);
    });

    it('names: runners give the program they run; packages keep their scope', () => {
      const name = (...argv: string[]) => adHocName({ kind: 'command', argv });
      assert.equal(name('npx', '-y', '@modelcontextprotocol/server-everything'), '@modelcontextprotocol/server-everything');
      assert.equal(name('uvx', 'mcp-server-fetch'), 'mcp-server-fetch');
      assert.equal(name('uv', 'run', 'weather.py'), 'weather.py');
      assert.equal(name('node', 'build/index.js'), 'index.js');
      assert.equal(name('C:\\tools\\my-server.exe', '--port', '1'), 'my-server');
      assert.equal(name('./my-server'), 'my-server');
      assert.equal(name('node'), 'node');
    });

    it('--header and --env parse as curl and a shell write them, and never echo a value in an error', () => {
      assert.deepEqual(parseHeader('Authorization:  Bearer x:y '), ['Authorization', 'Bearer x:y']);
      assert.throws(() => parseHeader('Bearer sekret-token'), (e: Error) => !e.message.includes('sekret'));
      assert.deepEqual(parseEnvAssignment('A_B=x=y'), ['A_B', 'x=y']);
      assert.deepEqual(parseEnvAssignment('EMPTY='), ['EMPTY', '']);
      assert.throws(() => parseEnvAssignment('1X=sekret'), (e: Error) => !e.message.includes('sekret'));
      assert.throws(() => parseEnvAssignment("sekret"), (e: Error) => !e.message.includes("sekret"));
    });
  });

  describe('splitCommandLine / parseServerInput', () => {
    it('splits as a POSIX shell quotes, with no expansion', () => {
      assert.deepEqual(splitCommandLine(`node  'my dir/s.js' "a \\"b\\" \\$HOME" c\\ d '' $X`), ['node', 'my dir/s.js', 'a "b" $HOME', 'c d', '', '$X']);
      assert.deepEqual(splitCommandLine('  '), []);
      assert.deepEqual(splitCommandLine(`a"b"'c'`), ['abc']);
      assert.deepEqual(splitCommandLine(`"C:\\Program Files\\x.exe"`), ['C:\\Program Files\\x.exe']);
      assert.throws(() => splitCommandLine(`node 'x`), /unclosed single quote/);
      assert.throws(() => splitCommandLine(`node "x`), /unclosed double quote/);
      assert.throws(() => splitCommandLine('node x\\'), /backslash/);
    });

    it('a URL alone, or leading NAME=value variables then the command', () => {
      assert.deepEqual(parseServerInput(' http://127.0.0.1:3000/mcp '), { kind: 'url', url: 'http://127.0.0.1:3000/mcp' });
      assert.deepEqual(parseServerInput('API_KEY=x DEBUG="1 2" node s.js --flag=1'), { kind: 'command', argv: ['node', 's.js', '--flag=1'], env: { API_KEY: 'x', DEBUG: '1 2' } });
      assert.throws(() => parseServerInput('ftp://x'), /http:\/\//);
      assert.throws(() => parseServerInput('http://x/mcp extra'), /alone/);
      assert.throws(() => parseServerInput('A=1'), /command after the environment variables/);
      assert.throws(() => parseServerInput(''), /command line .* or a URL/);
    });
  });

  describe('addServerEdits', () => {
    const def = adHocDefinition({ kind: 'command', argv: ['node', 'build/index.js'], env: { K: 'v' } }, '/f');
    const remote = adHocDefinition({ kind: 'url', url: 'http://127.0.0.1:3000/mcp', headers: { Authorization: 'Bearer ${input:tok}' } }, '/f');

    it('creates .vscode/mcp.json: VS Code dialect, read back as the same launch', () => {
      const format = formatById('vscode-workspace');
      const { edits, name } = addServerEdits('', format, def);
      const text = applyEdits('', edits);
      assert.equal(name, 'index.js');
      assert.deepEqual(JSON.parse(text), { servers: { 'index.js': { type: 'stdio', command: 'node', args: ['build/index.js'], env: { K: 'v' } } } });
      const read = format.read(text, '/f/.vscode/mcp.json').servers[0];
      assert.equal(read.transport?.kind, 'stdio');
      const http = JSON.parse(applyEdits(text, addServerEdits(text, format, remote).edits)) as { servers: Record<string, unknown> };
      assert.deepEqual(http.servers['127.0.0.1:3000'], { type: 'http', url: 'http://127.0.0.1:3000/mcp', headers: { Authorization: 'Bearer ${input:tok}' } });
    });

    it('keeps comments and formatting, and never overwrites a server of the same name', () => {
      const format = formatById('vscode-workspace');
      const text = '{\n    // mine\n    "servers": {\n        "index.js": { "command": "x" }\n    }\n}\n';
      const { edits, name } = addServerEdits(text, format, def);
      const out = applyEdits(text, edits);
      assert.equal(name, 'index.js-2');
      // jsonc-parser formats the lines it touches (here the previous entry's), with the file's indentation
      assert.ok(out.startsWith('{\n    // mine\n    "servers": {\n        "index.js": {'), out);
      assert.match(out, /\n {8}"index\.js-2": \{\n {12}"type": "stdio",/);
      assert.deepEqual(Object.keys((parse(out) as { servers: object }).servers), ['index.js', 'index.js-2']);
    });

    it('an mcpServers file in its client\'s dialect; a client that cannot hold the server says so', () => {
      const cursor = formatById('cursor-project');
      const out = JSON.parse(applyEdits('{}', addServerEdits('{}', cursor, remote).edits)) as Record<string, Record<string, unknown>>;
      assert.deepEqual(Object.keys(out.mcpServers), ['127.0.0.1:3000']);
      assert.throws(() => addServerEdits('{}', formatById('claude-desktop'), remote), /Claude Desktop cannot connect to a remote server/);
      assert.throws(() => addServerEdits('[]', cursor, def), /JSON object/);
      assert.throws(() => addServerEdits('', formatById('codex-user'), def), /only JSON/);
    });

    it("the new clients' dialects: OpenCode's command array, environment and type words; Roo's and Cline's word for Streamable HTTP; Zed's context_servers", () => {
      const write = (id: string, d: typeof def) => JSON.parse(applyEdits('{}', addServerEdits('{}', formatById(id), d).edits)) as Record<string, Record<string, Record<string, unknown>>>;
      assert.deepEqual(write('opencode-project', def).mcp['index.js'], { type: 'local', command: ['node', 'build/index.js'], environment: { K: 'v' } });
      assert.deepEqual(write('opencode-project', remote).mcp['127.0.0.1:3000'], { type: 'remote', url: 'http://127.0.0.1:3000/mcp', headers: { Authorization: 'Bearer ${input:tok}' } });
      assert.equal(write('roo-project', remote).mcpServers['127.0.0.1:3000'].type, 'streamable-http');
      assert.equal(write('cline', remote).mcpServers['127.0.0.1:3000'].type, 'streamableHttp', 'Cline reads a url without type as SSE');
      const sse = adHocDefinition({ kind: 'url', url: 'http://127.0.0.1:3000/sse' }, '/f');
      if (sse.transport?.kind === 'http') sse.transport = { ...sse.transport, kind: 'sse' };
      assert.equal(write('roo-project', sse).mcpServers['127.0.0.1:3000'].type, 'sse');
      assert.equal(write('copilot-cli-user', def).mcpServers['index.js'].type, 'stdio');
      assert.deepEqual(write('zed-project', def).context_servers['index.js'], { command: 'node', args: ['build/index.js'], env: { K: 'v' } });
      assert.deepEqual(write('kiro-workspace', def).mcpServers['index.js'], { command: 'node', args: ['build/index.js'], env: { K: 'v' } });
      // what is written reads back as the same launch
      const text = applyEdits('{}', addServerEdits('{}', formatById('opencode-project'), def).edits);
      const back = formatById('opencode-project').read(text, '/f/opencode.json').servers[0];
      assert.deepEqual(back.transport?.kind === 'stdio' && [back.transport.command.value, ...back.transport.args.map((a) => a.value)], ['node', 'build/index.js']);
    });
  });
});
