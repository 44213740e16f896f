import * as assert from 'node:assert/strict';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { diffLists, hasListChanges } from '../../../src/core/connection/listDiff';

const tool = (name: string, extra: Partial<Tool> = {}): Tool => ({ name, inputSchema: { type: 'object', properties: { a: { type: 'string' } } }, ...extra });

describe('list changes across a restart (diffLists)', () => {
  it('finds added, removed and changed tools, naming what changed', () => {
    const before = { tools: [tool('same'), tool('gone'), tool('schema'), tool('desc', { description: 'old' }), tool('out')] };
    const after = {
      tools: [
        tool('same'), tool('new'),
        tool('schema', { inputSchema: { type: 'object', properties: { a: { type: 'number' } } } }),
        tool('desc', { description: 'new' }),
        tool('out', { outputSchema: { type: 'object' }, description: 'x' }),
      ],
    };
    const c = diffLists(before, after);
    assert.deepEqual([...c.tools].map(([k, v]) => [k, v.kind, v.reason]), [
      ['new', 'added', 'added since the restart'],
      ['schema', 'changed', 'inputSchema changed since the restart'],
      ['desc', 'changed', 'description changed since the restart'],
      ['out', 'changed', 'outputSchema and description changed since the restart'],
      ['gone', 'removed', 'removed since the restart'],
    ]);
    const removed = c.tools.get('gone');
    assert.equal(removed?.kind === 'removed' && removed.item.name, 'gone');
    assert.equal(hasListChanges(c), true);
  });

  it('a schema whose keys came back in another order is unchanged; equal lists have no changes', () => {
    const a = tool('t', { inputSchema: { type: 'object', properties: { x: { type: 'string', description: 'd' } }, required: ['x'] } });
    const b = tool('t', { inputSchema: { required: ['x'], properties: { x: { description: 'd', type: 'string' } }, type: 'object' } });
    const c = diffLists({ tools: [a] }, { tools: [b] });
    assert.equal(c.tools.size, 0);
    assert.equal(hasListChanges(c), false);
  });

  it('prompts by name (arguments), resources by uri, templates by uriTemplate', () => {
    const c = diffLists(
      { prompts: [{ name: 'p', arguments: [{ name: 'x' }] }], resources: [{ uri: 'file:///a', name: 'a' }], resourceTemplates: [{ uriTemplate: 't/{x}', name: 't' }] },
      { prompts: [{ name: 'p', arguments: [{ name: 'x', required: true }] }], resources: [{ uri: 'file:///b', name: 'a' }], resourceTemplates: [{ uriTemplate: 't/{x}', name: 't', mimeType: 'text/plain' }] },
    );
    assert.deepEqual([...c.prompts].map(([k, v]) => [k, v.kind, v.reason]), [['p', 'changed', 'arguments changed since the restart']]);
    assert.deepEqual([...c.resources].map(([k, v]) => [k, v.kind]), [['file:///b', 'added'], ['file:///a', 'removed']]);
    assert.deepEqual([...c.resourceTemplates].map(([k, v]) => [k, v.kind, v.reason]), [['t/{x}', 'changed', 'mimeType changed since the restart']]);
  });

  it('a list not loaded on either side is not compared', () => {
    const c = diffLists({ tools: [tool('a')] }, {});
    assert.equal(c.tools.size, 0);
  });
});
