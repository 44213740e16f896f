/** Issue 8 item 11: the trust dialog shows the command line that will run, variables resolved, secrets masked. */
import * as assert from 'node:assert/strict';
import type { ExtensionApi } from '../../src/extension';
import type { TrustDialog } from '../../src/servers/trust';
import { activate, resetWorkspace, workspaceUri, write } from './helpers';

describe('trust dialog', function () {
  this.timeout(60000);
  let api: ExtensionApi;
  let dialog: TrustDialog;
  before(async () => {
    api = await activate();
    dialog = api.live.trust.dialog;
  });
  after(async () => {
    api.live.trust.dialog = dialog;
    await api.live.trust.reset();
    await resetWorkspace();
    await api.servers.refresh();
    await api.live.sync();
  });

  it('shows the resolved command line, cwd and env: ${workspaceFolder} resolved, inputs and secrets masked', async () => {
    await resetWorkspace();
    await write(workspaceUri('.vscode', 'mcp.json'), JSON.stringify({
      servers: {
        probe: {
          type: 'stdio',
          command: 'node',
          args: ['${workspaceFolder}/../tools/server.js', '--token=${input:api-key}'],
          env: { API_KEY: 'sk-literal-secret-123456789012345', MODE: '${env:MCP_DEVTOOLS_TEST_ROOT}' },
        },
      },
      inputs: [{ id: 'api-key', type: 'promptString', password: true }],
    }));
    await api.servers.refresh();
    await api.live.sync();
    await api.live.trust.reset();
    const id = api.live.all().find((s) => s.definition.name === 'probe')!.id;
    const shown: { message: string; detail: string; actions: string[] }[] = [];
    api.live.trust.dialog = async (message, detail, actions) => {
      shown.push({ message, detail, actions });
      return undefined; // cancelled
    };
    assert.equal(await api.live.start(id), 'Start cancelled.');
    assert.equal(shown.length, 1, 'asked once');
    const { detail } = shown[0];
    const folder = workspaceUri().fsPath;
    assert.ok(detail.includes(`node ${folder}/../tools/server.js --token=<redacted>\nin ${folder}\nenv: API_KEY=<redacted>, MODE=${process.env.MCP_DEVTOOLS_TEST_ROOT}`), detail);
    assert.doesNotMatch(detail, /\$\{/, 'no variable left unresolved');
    assert.doesNotMatch(detail, /sk-literal/, 'no secret shown');
    assert.equal(api.live.snapshot(id)?.state.kind, 'stopped');
  });
});
