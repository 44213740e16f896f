import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { parseDocument } from 'yaml';
import { formatForPath } from '../../../src/core/config/formats';
import { buildContext } from '../../../src/core/lint/context';
import { insertArrayItem, renameKey, replaceInString, replaceValue, setPath } from '../../../src/core/lint/edits';
import { applyTextEdits, type Finding } from '../../../src/core/lint';
import type { DocPath, TextEdit } from '../../../src/core/lint/types';
import { applyFix, only, P, pos, run } from './helpers';

const ROOT = path.join(__dirname, '../../../..');
const CODEX = readFileSync(path.join(ROOT, 'test/fixtures/configs/codex/valid/.codex/config.toml'), 'utf8');
const PLAYWRIGHT = readFileSync(path.join(ROOT, 'test/fixtures/configs/continue/valid/.continue/mcpServers/playwright.yaml'), 'utf8');

/** Continue's fixture, with comments, a blank line and a second (remote) server around it. */
const CONTINUE = PLAYWRIGHT.replace('name: Playwright mcpServer', '# Continue block\nname: Playwright mcpServer')
  .replace('  - name: Browser search\n', '  - name: Browser search   # the one we use\n')
  .replace('      - "@playwright/mcp@latest"\n', '      - "-y"  # never prompt\n      - "@playwright/mcp@latest"\n    env:\n      LOG_LEVEL: debug\n    connectionTimeout: 30000\n\n  # a remote one\n  - name: Remote\n    type: streamable-http\n    url: https://example.com/mcp\n');

/** Replaces `from` (which must occur exactly once) with `to`. */
function edit(text: string, from: string, to: string): string {
  assert.equal(text.split(from).length, 2, `"${from}" once in the text`);
  return text.replace(from, to);
}

/**
 * Lints `broken`, applies the fix of its one `code` finding, and checks the result is `expected`
 * (byte for byte: comments, blank lines and layout kept), parses, and lints clean of `code`.
 */
function fixes(broken: string, file: string, code: string, expected: string, title?: RegExp): Finding {
  const found = only(run(broken, file), code);
  assert.equal(found.length, 1, `one ${code} in\n${broken}\ngot ${JSON.stringify(found.map((f) => `${pos(f)} ${f.message}`))}`);
  const fixed = applyFix(broken, found[0], title);
  assert.equal(fixed, expected);
  if (file.endsWith('.toml')) parseToml(fixed);
  else assert.deepEqual(parseDocument(fixed).errors, [], fixed);
  assert.deepEqual(only(run(fixed, file), code).map((f) => f.message), [], 'the fixed text lints clean of this finding');
  return found[0];
}

/** The edits a helper makes on `text` (a file of `file`'s format). */
function editsOn(text: string, file: string, make: (ctx: ReturnType<typeof buildContext>) => TextEdit[] | undefined): string | undefined {
  const edits = make(buildContext(text, file, formatForPath(file)!));
  return edits && applyTextEdits(text, edits);
}

describe('lint: quick fixes in TOML (Codex config.toml)', () => {
  it('the fixtures are clean, so each test below breaks one thing', () => {
    assert.deepEqual(run(CODEX, P.codex).filter((f) => f.code !== 'command-not-found').map((f) => f.message), []);
    assert.deepEqual(run(CONTINUE, P.continue).map((f) => f.message), []);
  });
  it('top-level-key: every [mcpServers.…] header and dotted key renamed to mcp_servers', () => {
    const broken = CODEX.replaceAll('[mcp_servers.', '[mcpServers.');
    fixes(broken, P.codex, 'top-level-key', CODEX);
    const dotted = '# d\nmcpServers.a.command = "node" # x\nmcpServers.a.args = ["s.js"]\n';
    fixes(dotted, P.codex, 'top-level-key', dotted.replaceAll('mcpServers', 'mcp_servers'));
  });
  it('unknown-field: a key renamed in place, a sub-table renamed in its header', () => {
    fixes(edit(CODEX, 'command = "docs-server"', 'comand = "docs-server"'), P.codex, 'unknown-field', CODEX);
    fixes(edit(CODEX, '[mcp_servers.context7.env]', '[mcp_servers.context7.environment]'), P.codex, 'unknown-field', CODEX);
    const inline = edit(CODEX, '\nhttp_headers = {', '\nheaders = {');
    fixes(inline, P.codex, 'unknown-field', CODEX);
  });
  it('transport: serverUrl renamed to url', () => {
    fixes(edit(CODEX, 'url = "https://mcp.figma.com/mcp"', 'serverUrl = "https://mcp.figma.com/mcp"'), P.codex, 'transport', CODEX);
  });
  it('url: http:// to a remote host made https://; spaces trimmed', () => {
    fixes(edit(CODEX, '"https://mcp.figma.com/mcp"', '"http://mcp.figma.com/mcp"'), P.codex, 'url', CODEX);
    fixes(edit(CODEX, '"https://mcp.figma.com/mcp"', '" https://mcp.figma.com/mcp "'), P.codex, 'url', CODEX);
  });
  it('value-type: an args string split into a TOML array; a number quoted', () => {
    fixes(edit(CODEX, 'args = ["-y", "@upstash/context7-mcp"]', 'args = "-y @upstash/context7-mcp"'), P.codex, 'value-type', CODEX);
    fixes(edit(CODEX, 'MY_ENV_VAR = "MY_ENV_VALUE"', 'MY_ENV_VAR = 42'), P.codex, 'value-type', edit(CODEX, 'MY_ENV_VAR = "MY_ENV_VALUE"', 'MY_ENV_VAR = "42"'));
    const inline = edit(CODEX, '{ "X-Figma-Region" = "us-east-1" }', '{ "X-Figma-Region" = 1 }');
    fixes(inline, P.codex, 'value-type', edit(CODEX, '{ "X-Figma-Region" = "us-east-1" }', '{ "X-Figma-Region" = "1" }'));
  });
  it('timeout-unit: milliseconds in a *_sec field converted', () => {
    fixes(edit(CODEX, 'startup_timeout_sec = 20', 'startup_timeout_sec = 20000'), P.codex, 'timeout-unit', CODEX);
  });
  it('npx-yes: "-y" inserted into args; args added after the table\'s last key when missing', () => {
    fixes(edit(CODEX, 'args = ["-y", "@upstash/context7-mcp"]', 'args = ["@upstash/context7-mcp"]'), P.codex, 'npx-yes', CODEX);
    const noArgs = edit(CODEX, 'args = ["-y", "@upstash/context7-mcp"]\n', '');
    fixes(noArgs, P.codex, 'npx-yes', edit(noArgs, 'tool_timeout_sec = 45.5\n', 'tool_timeout_sec = 45.5\nargs = ["-y"]\n'));
    const multiline = edit(CODEX, 'command = "docs-server"', 'command = "npx"');
    fixes(multiline, P.codex, 'npx-yes', edit(multiline, '  "--root",', '  "-y", "--root",'));
    const dotted = '# d\n[mcp_servers]\nfs.command = "npx" # runs it\nfs.cwd = "/tmp"\n\n[other]\nx = 1\n';
    fixes(dotted, P.codex, 'npx-yes', edit(dotted, 'fs.cwd = "/tmp"\n', 'fs.cwd = "/tmp"\nfs.args = ["-y"]\n'));
    const inline = '[mcp_servers]\nfs = { command = "npx" } # inline\n';
    fixes(inline, P.codex, 'npx-yes', '[mcp_servers]\nfs = { command = "npx", args = ["-y"] } # inline\n');
  });
  it('the helpers: values in TOML syntax, keys quoted when needed, removal with the line', () => {
    const t = "[mcp_servers.a]\ncommand = 'node' # lit\nargs = []\nenv = { A = \"1\", B = \"2\" }\n\n[mcp_servers.b]\n";
    assert.equal(editsOn(t, P.codex, (c) => replaceValue(c, ['mcp_servers', 'a', 'command'], 'npx')), t.replace("'node'", "'npx'"));
    assert.equal(editsOn(t, P.codex, (c) => replaceValue(c, ['mcp_servers', 'a', 'command'], "it's")), t.replace("'node'", '"it\'s"'));
    assert.equal(editsOn(t, P.codex, (c) => insertArrayItem(c, ['mcp_servers', 'a', 'args'], 0, 'x')), t.replace('args = []', 'args = ["x"]'));
    assert.equal(editsOn(t, P.codex, (c) => renameKey(c, ['mcp_servers', 'a', 'env', 'A'], 'a.b')), t.replace('{ A =', '{ "a.b" ='));
    assert.equal(editsOn(t, P.codex, (c) => setPath(c, ['mcp_servers', 'a', 'command'], undefined)), t.replace("command = 'node' # lit\n", ''));
    assert.equal(editsOn(t, P.codex, (c) => setPath(c, ['mcp_servers', 'a', 'env', 'A'], undefined)), t.replace('A = "1", ', ''));
    assert.equal(editsOn(t, P.codex, (c) => setPath(c, ['mcp_servers', 'a', 'env', 'B'], undefined)), t.replace(', B = "2"', ''));
    assert.equal(editsOn(t, P.codex, (c) => setPath(c, ['mcp_servers', 'b', 'url'], 'https://x.dev')), `${t.trimEnd()}\nurl = "https://x.dev"\n`);
    assert.equal(editsOn(t, P.codex, (c) => setPath(c, ['mcp_servers', 'a', 'cwd'], null)), undefined, 'TOML has no null');
    assert.equal(editsOn(t, P.codex, (c) => replaceInString(c, ['mcp_servers', 'a', 'command'], 'node', 0, 1, 'N')), t.replace("'node'", "'Node'"));
  });
});

describe('lint: quick fixes in YAML (Continue .continue/mcpServers/*.yaml)', () => {
  it('npx-yes: a "- item" line inserted in the block list (quoted like its neighbour); into a flow list; args added when missing', () => {
    const broken = edit(CONTINUE, '      - "-y"  # never prompt\n', '');
    fixes(broken, P.continue, 'npx-yes', edit(CONTINUE, '      - "-y"  # never prompt\n', '      - "-y"\n'));
    const flow = edit(broken, 'args:\n      - "@playwright/mcp@latest"\n', 'args: ["@playwright/mcp@latest"] # flow\n');
    fixes(flow, P.continue, 'npx-yes', edit(flow, '["@playwright', '["-y", "@playwright'));
    const noArgs = edit(broken, '    args:\n      - "@playwright/mcp@latest"\n', '');
    fixes(noArgs, P.continue, 'npx-yes', edit(noArgs, '    connectionTimeout: 30000\n', '    connectionTimeout: 30000\n    args:\n      - "-y"\n'));
  });
  it('type-value: Continue\'s word for the transport', () => {
    fixes(edit(CONTINUE, 'type: streamable-http', 'type: streamableHttp'), P.continue, 'type-value', CONTINUE);
  });
  it('timeout-unit: seconds in a milliseconds field converted', () => {
    fixes(edit(CONTINUE, 'connectionTimeout: 30000', 'connectionTimeout: 30'), P.continue, 'timeout-unit', CONTINUE);
  });
  it('value-type: an args string split into a flow list; a number quoted', () => {
    const broken = edit(CONTINUE, 'args:\n      - "-y"  # never prompt\n      - "@playwright/mcp@latest"\n', 'args: -y @playwright/mcp@latest # split me\n');
    fixes(broken, P.continue, 'value-type', edit(broken, '-y @playwright/mcp@latest', '["-y", "@playwright/mcp@latest"]'));
    fixes(edit(CONTINUE, 'LOG_LEVEL: debug', 'LOG_LEVEL: 3'), P.continue, 'value-type', edit(CONTINUE, 'LOG_LEVEL: debug', 'LOG_LEVEL: "3"'));
  });
  it('url: https:// for a remote host; spaces trimmed, quote style kept', () => {
    fixes(edit(CONTINUE, 'url: https://example.com/mcp', 'url: http://example.com/mcp'), P.continue, 'url', CONTINUE);
    fixes(edit(CONTINUE, 'url: https://example.com/mcp', "url: ' https://example.com/mcp'"), P.continue, 'url', edit(CONTINUE, 'url: https://example.com/mcp', "url: 'https://example.com/mcp'"));
  });
  it('variable-syntax: ${X} rewritten as ${{ secrets.X }} inside a plain scalar, at its exact range', () => {
    const broken = edit(CONTINUE, 'LOG_LEVEL: debug', 'LOG_LEVEL: level-${LEVEL}');
    const f = fixes(broken, P.continue, 'variable-syntax', edit(CONTINUE, 'LOG_LEVEL: debug', 'LOG_LEVEL: level-${{ secrets.LEVEL }}'));
    assert.equal(f.range.length, '${LEVEL}'.length, 'the range of the reference, not of the whole value');
  });
  it('secret: a hard-coded token replaced with a secrets reference', () => {
    const token = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';
    const broken = edit(CONTINUE, 'LOG_LEVEL: debug', `GITHUB_TOKEN: "${token}"`);
    fixes(broken, P.continue, 'secret', edit(CONTINUE, 'LOG_LEVEL: debug', 'GITHUB_TOKEN: "${{ secrets.GITHUB_TOKEN }}"'));
  });
  it('unknown-field and transport: keys renamed in place', () => {
    fixes(edit(CONTINUE, '    connectionTimeout: 30000', '    conectionTimeout: 30000'), P.continue, 'unknown-field', CONTINUE);
    fixes(edit(CONTINUE, '    url: https', '    serverUrl: https'), P.continue, 'transport', CONTINUE);
  });
  it('the helpers: plain scalars when they read back the same, removal of a pair and of a first pair after "- "', () => {
    const y = '# c\nmcpServers:\n  - name: a # n\n    command: node\n    env: {A: x, B: y}\n    args:\n      - s.js # c\n';
    const C = P.continue;
    const cmd: DocPath = ['mcpServers', 0, 'command'];
    assert.equal(editsOn(y, C, (c) => replaceValue(c, cmd, 'true')), y.replace('command: node', 'command: "true"'));
    assert.equal(editsOn(y, C, (c) => replaceValue(c, cmd, 'a: b')), y.replace('command: node', 'command: "a: b"'));
    assert.equal(editsOn(y, C, (c) => replaceValue(c, cmd, 'npx')), y.replace('command: node', 'command: npx'));
    assert.equal(editsOn(y, C, (c) => setPath(c, cmd, undefined)), y.replace('    command: node\n', ''));
    assert.equal(editsOn(y, C, (c) => setPath(c, ['mcpServers', 0, 'name'], undefined)), y.replace('name: a # n\n    ', ''));
    assert.equal(editsOn(y, C, (c) => setPath(c, ['mcpServers', 0, 'env', 'A'], undefined)), y.replace('A: x, ', ''));
    assert.equal(editsOn(y, C, (c) => setPath(c, ['mcpServers', 0, 'env', 'C'], 'z')), y.replace('B: y}', 'B: y, C: z}'));
    assert.equal(editsOn(y, C, (c) => setPath(c, ['mcpServers', 0, 'cwd'], '/srv')), `${y}    cwd: /srv\n`);
    assert.equal(editsOn(y, C, (c) => insertArrayItem(c, ['mcpServers', 0, 'args'], 1, '--port')), `${y}      - --port\n`);
    assert.equal(editsOn(y, C, (c) => renameKey(c, ['mcpServers', 0, 'env', 'A'], 'a b')), y.replace('{A:', '{a b:'));
  });
});
