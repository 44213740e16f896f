import * as assert from 'node:assert/strict';
import { formatById } from '../../../src/core/config/formats';
import { assertRange, readFixture, remote, server, stdio } from './helpers';

const read = (text: string) => formatById('codex-user').read(text, '/home/a/.codex/config.toml');

describe('Codex config.toml', () => {
  describe('the fixture', () => {
    const { text, file } = readFixture('codex/valid/.codex/config.toml');

    it('reads every [mcp_servers.<name>] table (quoted names too), nothing else', () => {
      assert.equal(file.error, undefined);
      assert.equal(file.format, 'codex-project');
      assert.deepEqual(file.servers.map((s) => s.name), ['context7', 'docs-internal', 'figma']);
    });

    it('ranges: the name in the header, each value, and the whole table including its sub-table', () => {
      const c7 = server(file, 'context7');
      assertRange(text, c7.nameRange, 'context7', '4:13');
      const t = stdio(c7);
      assertRange(text, t.command.range, '"npx"', '5:10');
      assertRange(text, t.args[1].range, '"@upstash/context7-mcp"', '6:14');
      assertRange(text, t.env.MY_ENV_VAR.range, '"MY_ENV_VALUE"', '11:13');
      assert.equal(c7.range.start.line, 4);
      assert.equal(c7.range.end.line, 11);
      assertRange(text, server(file, 'docs-internal').nameRange, '"docs-internal"', '13:13');
    });

    it('normalizes startup_timeout_sec, startup_timeout_ms and tool_timeout_sec to milliseconds', () => {
      assert.deepEqual(server(file, 'context7').options, { startupTimeoutMs: 20_000, requestTimeoutMs: 45_500 });
      assertRange(text, server(file, 'context7').optionRanges?.requestTimeoutMs, '45.5', '8:19');
      assert.equal(server(file, 'docs-internal').options.startupTimeoutMs, 15_000);
    });

    it('reads multi-line arrays with comments, env_vars, cwd, and enabled = false as disabled', () => {
      const docs = server(file, 'docs-internal');
      const t = stdio(docs);
      assert.deepEqual(t.args.map((a) => a.value), ['--root', '/srv/docs']);
      assertRange(text, t.args[1].range, '"/srv/docs"', '17:2');
      assert.deepEqual(t.envVars?.map((v) => v.value), ['DOCS_TOKEN']);
      assert.equal(t.cwd?.value, '/srv');
      assert.equal(docs.options.disabled, true);
      assertRange(text, docs.optionRanges?.disabled, 'false', '22:10');
    });

    it('url is Streamable HTTP; http_headers, env_http_headers, bearer_token_env_var, tool lists', () => {
      const figma = server(file, 'figma');
      const t = remote(figma, 'http');
      assert.equal(t.bearerTokenEnvVar?.value, 'FIGMA_OAUTH_TOKEN');
      assertRange(text, t.headers['X-Figma-Region'].range, '"us-east-1"', '27:36');
      assert.equal(t.envHeaders?.['X-Api-Key'].value, 'FIGMA_API_KEY');
      assert.deepEqual(figma.options.includeTools, ['get_file', 'get_node']);
      assert.deepEqual(figma.options.excludeTools, ['delete_file']);
    });
  });

  it('reads servers written with dotted keys, with ranges', () => {
    const text = ['mcp_servers.a.command = "node"', "mcp_servers.'c'.url = 'https://h/mcp'"].join('\n');
    const file = read(text);
    assert.equal(file.error, undefined);
    assert.deepEqual(file.servers.map((s) => [s.name, s.transport?.kind]), [['a', 'stdio'], ['c', 'http']]);
    assertRange(text, server(file, 'a').nameRange, 'a', '0:12');
    assertRange(text, stdio(server(file, 'a')).command.range, '"node"', '0:24');
    assertRange(text, server(file, 'c').nameRange, "'c'", '1:12');
    assertRange(text, remote(server(file, 'c'), 'http').url.range, "'https://h/mcp'", '1:22');
  });

  it('reads servers written as inline tables under [mcp_servers], with ranges', () => {
    const text = '[mcp_servers]\nb = { command = "uvx", args = ["srv"], env = { K = "v" } }\n';
    const file = read(text);
    assert.equal(file.error, undefined);
    assertRange(text, server(file, 'b').nameRange, 'b', '1:0');
    assertRange(text, server(file, 'b').range, '{ command = "uvx", args = ["srv"], env = { K = "v" } }', '1:4');
    assertRange(text, stdio(server(file, 'b')).args[0].range, '"srv"', '1:31');
    assertRange(text, stdio(server(file, 'b')).env.K.range, '"v"', '1:51');
  });

  it('keeps positions right after multi-line strings and escaped quotes', () => {
    const text = 'notes = """\nline "quoted" [mcp_servers.fake]\n"""\n[mcp_servers.real]\ncommand = "a\\"b"\nargs = [\'x\']\n';
    const file = read(text);
    assert.deepEqual(file.servers.map((s) => s.name), ['real']);
    const t = stdio(server(file, 'real'));
    assert.equal(t.command.value, 'a"b');
    assertRange(text, t.command.range, '"a\\"b"', '4:10');
    assertRange(text, t.args[0].range, "'x'", '5:8');
  });

  it('reports a syntax error at its line and column, and recovers the servers that still parse', () => {
    const text = '[mcp_servers.good]\ncommand = "ok"\n\n[mcp_servers.bad]\ncommand = \nargs = ["x"]\n';
    const file = read(text);
    assert.match(file.error?.message ?? '', /TOML syntax error/);
    assert.equal(file.error?.range?.start.line, 4);
    assert.deepEqual(file.servers.map((s) => [s.name, s.transport?.kind]), [['good', 'stdio'], ['bad', undefined]]);
  });

  it('returns no servers for files without mcp_servers, or with a non-table mcp_servers', () => {
    assert.deepEqual(read('model = "o3"\n').servers, []);
    assert.deepEqual(read('mcp_servers = 3\n').servers, []);
    assert.deepEqual(read('').servers, []);
  });
});
