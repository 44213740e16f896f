/**
 * Which config files the CLI (dist/cli.js) reads: the nearest folder with MCP config files from
 * the working directory up, or the files named with `--config`; and the workspace folder that
 * `${workspaceFolder}` and roots then mean.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { assertNoChildren, EVERYTHING, ROOT, runCli, writeFiles, type CliRun } from '../connection/helpers';




/** server-everything, with the workspace folder it was given in its environment (get-env shows it). */
const everything = { command: process.execPath, args: [EVERYTHING, 'stdio'], env: { SEEN_WORKSPACE_FOLDER: '${workspaceFolder}' } };

type FileJson = { path: string; format: string; servers: { name: string }[] };
type CallJson = { content: { type: string; text: string }[] };

describe('cli: config files from a subfolder (walk up) and --config', function () {
  this.timeout(60_000);
  let dir: string;
  let proj: string;
  let sub: string;
  let other: string;
  const runs: Record<string, CliRun> = {};

  before(async () => {
    dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'mcp-cli-walk-')));
    proj = path.join(dir, 'proj');
    sub = path.join(proj, 'src', 'deep');
    other = path.join(dir, 'other');
    writeFiles(dir, {
      'proj/.vscode/mcp.json': JSON.stringify({ servers: { everything } }),
      'proj/src/deep/file.txt': '',
      'second/.cursor/mcp.json': JSON.stringify({ mcpServers: { second: { command: 'node', args: ['x.js'] } } }),
      'custom/servers.json': JSON.stringify({ mcpServers: { custom: { command: 'node', args: ['y.js'] } } }),
      'other/readme.txt': '',
    });
    const demoSub = path.join(ROOT, 'demo', '.vscode');
    const todo: Record<string, [string[], string]> = {
      demo: [['servers', '--json'], demoSub],
      servers: [['servers'], sub],
      env: [['call', 'everything', 'get-env', '--json'], sub],
      roots: [['call', 'everything', 'get-roots-list', '--json'], sub],
      lint: [['lint', '--format', 'json', '--no-user'], sub],
      configs: [['servers', '--json', '--config', path.join(proj, '.vscode/mcp.json'), '--config', '../second/.cursor/mcp.json'], other],
      configEnv: [['call', 'everything', 'get-env', '--json', '--config', path.join(proj, '.vscode/mcp.json')], other],
      unknownName: [['servers', '--config', '../custom/servers.json'], other],
      as: [['servers', '--json', '--config=../custom/servers.json', '--as', 'claude-desktop'], other],
      missing: [['list', '--config', 'nope/.mcp.json'], other],
      nothing: [['servers'], other],
    };
    await Promise.all(Object.entries(todo).map(async ([k, [args, cwd]]) => (runs[k] = await runCli(args, cwd))));
  });

  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await assertNoChildren();
  });

  it('servers run in a subfolder of demo/ lists the demo\'s servers', () => {
    const r = runs.demo;
    assert.equal(r.status, 0, r.stderr);
    const files = JSON.parse(r.stdout) as FileJson[];
    assert.equal(files[0]?.path, path.join(ROOT, 'demo', '.vscode', 'mcp.json'));
    assert.deepEqual(files[0].servers.map((s) => s.name), ['everything', 'filesystem', 'memory']);
  });

  it('from a subfolder, every verb reads the nearest folder\'s files (servers, call, lint)', () => {
    assert.equal(runs.servers.status, 0, runs.servers.stderr);
    assert.match(runs.servers.stdout, new RegExp(`^${path.join(proj, '.vscode', 'mcp.json').replace(/[.\\]/g, '\\$&')} \\(VS Code, workspace\\)\n {2}everything {2}stdio`));
    assert.equal(runs.lint.status, 0, runs.lint.stderr);
    assert.deepEqual((JSON.parse(runs.lint.stdout) as { files: string[] }).files, [path.join(proj, '.vscode', 'mcp.json')]);
  });

  it('${workspaceFolder} and the roots are the folder found, not the working directory', () => {
    assert.equal(runs.env.status, 0, runs.env.stderr);
    const env = JSON.parse((JSON.parse(runs.env.stdout) as CallJson).content[0].text) as Record<string, string>;
    assert.equal(env.SEEN_WORKSPACE_FOLDER, proj);
    assert.equal(runs.roots.status, 0, runs.roots.stderr);
    const text = (JSON.parse(runs.roots.stdout) as CallJson).content.map((c) => c.text).join('\n');
    assert.ok(text.includes(pathToFileURL(proj).href), text);
    assert.ok(!text.includes(pathToFileURL(sub).href), text);
  });

  it('--config, repeated, reads exactly the named files (relative to the working directory), each in the format its name says', () => {
    assert.equal(runs.configs.status, 0, runs.configs.stderr);
    const files = JSON.parse(runs.configs.stdout) as FileJson[];
    assert.deepEqual(files.map((f) => [f.path, f.format, f.servers.map((s) => s.name)]), [
      [path.join(proj, '.vscode', 'mcp.json'), 'vscode-workspace', ['everything']],
      [path.join(dir, 'second', '.cursor', 'mcp.json'), 'cursor-project', ['second']],
    ]);
  });

  it('a --config file\'s ${workspaceFolder} is the folder its path implies', () => {
    assert.equal(runs.configEnv.status, 0, runs.configEnv.stderr);
    const env = JSON.parse((JSON.parse(runs.configEnv.stdout) as CallJson).content[0].text) as Record<string, string>;
    assert.equal(env.SEEN_WORKSPACE_FOLDER, proj);
  });

  it('a --config file of an unknown name needs --as; a missing one is named; both exit 2', () => {
    assert.equal(runs.unknownName.status, 2);
    assert.match(runs.unknownName.stderr, /--config: .*servers\.json is not a file any MCP client reads by that name.*--as <format-id>/);
    assert.equal(runs.as.status, 0, runs.as.stderr);
    assert.deepEqual((JSON.parse(runs.as.stdout) as FileJson[]).map((f) => [f.format, f.servers.map((s) => s.name)]), [['claude-desktop', ['custom']]]);
    assert.equal(runs.missing.status, 2);
    assert.match(runs.missing.stderr, /--config: .*nope\/\.mcp\.json does not exist/);
  });

  it('with nothing found up to the root, says where it looked', () => {
    assert.equal(runs.nothing.status, 0, runs.nothing.stderr);
    assert.match(runs.nothing.stdout, /^No MCP config files found in .*other or any folder above it/);
  });
});
