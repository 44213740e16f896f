/** requireRunning's unpacking: a running server with its lists, the items of each list state. */
import * as assert from 'node:assert/strict';
import type { ServerSnapshot } from '../../../src/core/connection';
import { notRunningMessage, runningServer } from '../../../src/servers/runningServer';

const tool = (name: string) => ({ name, inputSchema: { type: 'object' as const } });
const snapshot = (state: ServerSnapshot['state'], lists: Partial<ServerSnapshot['lists']> = {}): ServerSnapshot => ({
  id: '/ws/.vscode/mcp.json#everything',
  definition: { name: 'everything' } as ServerSnapshot['definition'],
  state,
  lists: { tools: { kind: 'unsupported' }, resources: { kind: 'unsupported' }, resourceTemplates: { kind: 'unsupported' }, prompts: { kind: 'unsupported' }, ...lists },
});

describe('runningServer', () => {
  it('unpacks every list: loaded items, the previous ones while reloading, else none', () => {
    const s = runningServer(snapshot({ kind: 'running' } as ServerSnapshot['state'], {
      tools: { kind: 'loaded', items: [tool('echo')] },
      prompts: { kind: 'loading', previous: [{ name: 'p' }] },
      resources: { kind: 'error', message: 'boom' },
    }));
    assert.ok(s);
    assert.equal(s.name, 'everything');
    assert.deepEqual(s.tools.map((t) => t.name), ['echo']);
    assert.deepEqual(s.prompts.map((p) => p.name), ['p']);
    assert.deepEqual(s.resources, []);
    assert.deepEqual(s.resourceTemplates, []);
  });

  it('is undefined for a server that is not running, and the message says why', () => {
    assert.equal(runningServer(snapshot({ kind: 'stopped' } as ServerSnapshot['state'])), undefined);
    assert.equal(runningServer(undefined), undefined);
    assert.equal(notRunningMessage(snapshot({ kind: 'error', message: 'spawn ENOENT' } as ServerSnapshot['state']), 'x'), 'server "everything" is not running: spawn ENOENT');
    assert.equal(notRunningMessage(undefined, 'x'), 'server "x" is not running');
  });
});
