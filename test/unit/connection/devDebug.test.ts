import * as assert from 'node:assert/strict';
import { debugLaunch, freePort, inspectorPort } from '../../../src/core/connection/debugLaunch';
import type { Launch } from '../../../src/core/connection/launch';

type Stdio = Extract<Launch, { kind: 'stdio' }>;
const stdio = (command: string, ...args: string[]): Stdio => ({ kind: 'stdio', command, args, env: {} });
const argv = (l: Stdio) => [l.command, ...l.args].join(' ');

describe('dev.debug: a stdio launch under its debugger', () => {
  it('node: --inspect-brk on 127.0.0.1 before the script, attached at once', () => {
    const d = debugLaunch(stdio('/usr/bin/node', 'build/index.js', '--flag'), 'node', 4000);
    assert.equal(argv(d.launch), '/usr/bin/node --inspect-brk=127.0.0.1:4000 build/index.js --flag');
    assert.equal(d.port, 4000);
    assert.equal(d.attachWhen, 'spawned');
  });

  it('node through npx or tsx: NODE_OPTIONS --inspect on port 0, kept after inherited options; ports come from stderr', () => {
    const d = debugLaunch(stdio('npx', '-y', 'tsx', 'src/index.ts'), 'node', 4000, { baseNodeOptions: '--max-old-space-size=512' });
    assert.equal(argv(d.launch), 'npx -y tsx src/index.ts');
    assert.equal(d.launch.env.NODE_OPTIONS, '--max-old-space-size=512 --inspect=127.0.0.1:0');
    assert.equal(d.port, undefined);
    const own = debugLaunch({ ...stdio('tsx', 'a.ts'), env: { NODE_OPTIONS: '--enable-source-maps' } }, 'node', 1);
    assert.equal(own.launch.env.NODE_OPTIONS, '--enable-source-maps --inspect=127.0.0.1:0');
  });

  it('reads the inspector port from Node\'s stderr line only', () => {
    assert.equal(inspectorPort('Debugger listening on ws://127.0.0.1:43567/3b1a6c8e-3f0e-4c4b-9d55-0c6f8f6f2d7a'), 43567);
    assert.equal(inspectorPort('For help, see: https://nodejs.org/en/docs/inspector'), undefined);
    assert.equal(inspectorPort('log: Debugger listening on ws://evil.example:1/x'), undefined);
  });

  it('debugpy with python: -m debugpy --listen after the interpreter\'s options, before the script or -m module', () => {
    assert.equal(argv(debugLaunch(stdio('python3', 'server.py', '--x'), 'debugpy', 5678).launch), 'python3 -m debugpy --listen 127.0.0.1:5678 server.py --x');
    assert.equal(argv(debugLaunch(stdio('/venv/bin/python', '-u', '-X', 'utf8', '-m', 'pkg.server'), 'debugpy', 5678).launch), '/venv/bin/python -u -X utf8 -m debugpy --listen 127.0.0.1:5678 -m pkg.server');
    assert.equal(debugLaunch(stdio('python', 's.py'), 'debugpy', 5678).attachWhen, 'running');
  });

  it('debugpy with uv run: --with debugpy, then python -m debugpy before the target', () => {
    assert.equal(argv(debugLaunch(stdio('uv', 'run', 'server.py'), 'debugpy', 7).launch), 'uv run --with debugpy python -m debugpy --listen 127.0.0.1:7 server.py');
    assert.equal(argv(debugLaunch(stdio('uv', '--directory', '/srv', 'run', '--with', 'mcp', 'python', '-m', 'srv'), 'debugpy', 7).launch), 'uv --directory /srv run --with debugpy --with mcp python -m debugpy --listen 127.0.0.1:7 -m srv');
  });

  it('debugpy: debugpyPath replaces python -m debugpy; a command it cannot wrap is an error saying what to do', () => {
    assert.equal(argv(debugLaunch(stdio('python', '-u', 's.py'), 'debugpy', 9, { debugpyPath: '/bin/debugpy' }).launch), '/bin/debugpy --listen 127.0.0.1:9 s.py');
    assert.throws(() => debugLaunch(stdio('uvx', 'mcp-server-time'), 'debugpy', 9), /cannot start "uvx" under debugpy: .* Run the server with python/);
    assert.throws(() => debugLaunch(stdio('uv', 'run', 'mcp', 'run', 's.py'), 'debugpy', 9), /uv run mcp.*neither python nor a \.py file/);
  });

  it('finds a free port on 127.0.0.1', async () => {
    const p = await freePort();
    assert.ok(p > 0 && p < 65536);
  });
});
