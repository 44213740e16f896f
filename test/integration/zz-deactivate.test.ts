import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { activate, resetWorkspace, waitFor } from './helpers';
import { alive, mcpServerProcesses } from './processes';

// Runs last (file order): deactivating stops the extension's servers for good.
describe('deactivate', function () {
  this.timeout(60000);
  it('leaves no server process behind', async () => {
    const api = await activate();
    // the fixture's server-everything (an earlier test may have left the welcome template's npx one)
    await resetWorkspace();
    await api.servers.refresh();
    await api.live.sync();
    const id = api.live.all().find((s) => s.definition.name === 'everything')!.id;
    if (api.live.snapshot(id)?.state.kind !== 'running') {
      await api.live.trust.trust(api.live.snapshot(id)!.definition);
      await api.live.start(id);
    }
    const before = mcpServerProcesses();
    assert.ok(before.length >= 1, 'a server process runs before deactivate');
    // the module instance the extension host loaded (same require cache), not a bundled copy
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ext = require(path.join(process.env.MCP_DEVTOOLS_TEST_ROOT!, 'dist', 'extension.js')) as { deactivate(): Promise<void> };
    await ext.deactivate();
    await waitFor(() => before.every((p) => !alive(p.pid)), `every server process exits (${before.map((p) => p.pid).join(', ')})`, 10000);
    assert.deepEqual(mcpServerProcesses(), []);
  });
});
