import * as assert from 'node:assert/strict';
import { launchKey } from '../../../src/core/config/definitionChanges';
import { rootGlob, suggestWatchGlob } from '../../../src/core/config/devWatch';
import { formatForPath } from '../../../src/core/config/formats';
import { debugTypeOf, type ConfigFile } from '../../../src/core/config/model';
import { at, expectNone, expectOne, only, P, run } from '../lint/helpers';

function read(text: string, path: string = P.vscode): ConfigFile {
  const format = formatForPath(path, { platform: 'linux', home: '/nonexistent-home' });
  assert.ok(format);
  return format.read(text, path);
}

const slice = (text: string, r: { offset: number; length: number } | undefined) => (r ? text.slice(r.offset, r.offset + r.length) : undefined);

describe('VS Code dev field (watch, debug)', () => {
  describe('reading', () => {
    it('reads a glob string, a debug type and their ranges', () => {
      const t = '{"servers": {"a": {"command": "node", "args": ["s.js"], "dev": {"watch": "src/**/*.ts", "debug": {"type": "node"}}}}}';
      const def = read(t).servers[0];
      assert.deepEqual(def.dev?.watch.map((w) => w.value), ['src/**/*.ts']);
      assert.equal(slice(t, def.dev?.watch[0].range), '"src/**/*.ts"');
      assert.equal(def.dev?.debug?.value, 'node');
      assert.equal(slice(t, def.dev?.debug?.range), '"node"');
      assert.equal(slice(t, def.dev?.range), '{"watch": "src/**/*.ts", "debug": {"type": "node"}}');
      assert.equal(debugTypeOf(def), 'node');
    });

    it('reads a list of globs (exclusions kept as written), skips items that are not strings, and debugpyPath', () => {
      const t = '{"servers": {"a": {"command": "python", "dev": {"watch": ["**/*.py", 3, "!.venv/**"], "debug": {"type": "debugpy", "debugpyPath": "/x/debugpy"}}}}}';
      const def = read(t).servers[0];
      assert.deepEqual(def.dev?.watch.map((w) => w.value), ['**/*.py', '!.venv/**']);
      assert.equal(def.dev?.debugpyPath?.value, '/x/debugpy');
      assert.equal(debugTypeOf(def), 'debugpy');
    });

    it('an unknown debug type is kept as written but is no debugger; no dev, no field; other clients never read it', () => {
      const unknown = read('{"servers": {"a": {"command": "node", "dev": {"debug": {"type": "lldb"}}}}}').servers[0];
      assert.equal(unknown.dev?.debug?.value, 'lldb');
      assert.equal(debugTypeOf(unknown), undefined);
      assert.equal(read('{"servers": {"a": {"command": "node"}}}').servers[0].dev, undefined);
      assert.equal(read('{"mcpServers": {"a": {"command": "node", "dev": {"watch": "x"}}}}', P.cursor).servers[0].dev, undefined);
    });

    it('dev.debug is part of the launch (a change restarts the server); dev.watch is not', () => {
      const key = (dev: string) => launchKey(read(`{"servers": {"a": {"command": "node", "dev": ${dev}}}}`).servers[0]);
      assert.equal(key('{"watch": "a"}'), key('{"watch": "b"}'));
      assert.notEqual(key('{"watch": "a"}'), key('{"watch": "a", "debug": {"type": "node"}}'));
    });
  });

  describe('lint rule dev-mode', () => {
    it('accepts a glob, a list of globs and both debug types on fitting commands', () => {
      expectNone(run('{"servers": {"a": {"command": "node", "dev": {"watch": ["src/**", "!dist/**"], "debug": {"type": "node"}}}, "b": {"command": "python3", "dev": {"watch": "*.py", "debug": {"type": "debugpy"}}}}}', P.vscode), 'dev-mode');
    });

    it('a watch that is not a string: error at the value; a list item that is not: error at the item', () => {
      const t = '{"servers": {"a": {"command": "node", "dev": {"watch": 42}}, "b": {"command": "node", "dev": {"watch": ["ok", true]}}}}';
      const f = only(run(t, P.vscode), 'dev-mode');
      assert.equal(f.length, 2);
      assert.match(f[0].message, /must be a glob string or a list of them/);
      assert.equal(f[0].severity, 'error');
      assert.match(f[1].message, /\[1\] must be a glob string, not boolean/);
      expectOne([f[1]], 'dev-mode', 'error', at(t, 'true'));
    });

    it('an unknown debug type: error at the type, with a did-you-mean', () => {
      const t = '{"servers": {"a": {"command": "node", "dev": {"debug": {"type": "nod"}}}}}';
      const f = expectOne(run(t, P.vscode), 'dev-mode', 'error', at(t, '"nod"'));
      assert.match(f.message, /knows "node" and "debugpy"\. Did you mean "node"\?/);
    });

    it('debug on a remote server: a warning (VS Code debugs only a stdio server it launches)', () => {
      const t = '{"servers": {"a": {"type": "http", "url": "https://example.com/mcp", "dev": {"watch": "x", "debug": {"type": "node"}}}}}';
      const f = expectOne(run(t, P.vscode), 'dev-mode', 'warning', at(t, '{"type": "node"}'));
      assert.match(f.message, /remote server/);
    });

    it('node debugging of a command that is not node, debugpy of one that is not python: warnings at the command', () => {
      const t = '{"servers": {"a": {"command": "npx", "args": ["-y", "x"], "dev": {"debug": {"type": "node"}}}, "b": {"command": "uvx", "dev": {"debug": {"type": "debugpy"}}}}}';
      const f = only(run(t, P.vscode), 'dev-mode');
      assert.deepEqual(f.map((x) => x.severity), ['warning', 'warning']);
      assert.match(f[0].message, /node executable/);
      assert.match(f[1].message, /python executable/);
    });

    it('is silent in other clients\' files', () => {
      expectNone(run('{"mcpServers": {"a": {"command": "node", "dev": {"watch": 1}}}}', P.cursor), 'dev-mode');
    });
  });
});

describe('watch globs (rootGlob, suggestWatchGlob)', () => {
  it('a relative glob starts at the base; an absolute one at its last folder without glob characters; "!" excludes', () => {
    assert.deepEqual(rootGlob('src/**/*.ts', '/ws'), { base: '/ws', pattern: 'src/**/*.ts', exclude: false });
    assert.deepEqual(rootGlob('/srv/app/src/**/*.py', '/ws'), { base: '/srv/app/src', pattern: '**/*.py', exclude: false });
    assert.deepEqual(rootGlob('!dist/**', '/ws'), { base: '/ws', pattern: 'dist/**', exclude: true });
    assert.deepEqual(rootGlob('/srv/app/server.mjs', '/ws'), { base: '/srv/app', pattern: 'server.mjs', exclude: false });
  });

  it('suggests the folder of the script the command runs, else its cwd', () => {
    const def = (args: string[], cwd?: string) => read(JSON.stringify({ servers: { a: { command: 'node', args, ...(cwd && { cwd }) } } }), '/ws/.vscode/mcp.json').servers[0];
    assert.equal(suggestWatchGlob(def(['--enable-source-maps', 'build/index.js']), '/ws'), '/ws/build/**');
    assert.equal(suggestWatchGlob(def(['-y', 'some-package']), '/ws'), '/ws/**');
    assert.equal(suggestWatchGlob(def(['server.py'], 'tools'), '/ws'), '/ws/tools/**');
  });
});
