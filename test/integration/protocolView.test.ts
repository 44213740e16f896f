import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RenderedResult } from '../../src/core/results';
import type { ExtensionApi } from '../../src/extension';
import type { ProtocolView } from '../../src/servers/protocolPanel';
import { activate, resetWorkspace, startTrusted, waitFor } from './helpers';

/** A GitHub token shape: the redactor masks it wherever it appears. */
const PLANTED = 'ghp_0123456789abcdefghijABCDEFGHIJ012345';

describe('Protocol view: a running server\'s JSON-RPC messages on screen', function () {
  this.timeout(90000);
  let api: ExtensionApi;
  let serverId: string;

  before(async () => {
    api = await activate();
    await resetWorkspace();
    serverId = await startTrusted(api, 'everything');
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await api.live.stopAll();
  });

  it('opened on a running server, shows initialize and a tools/call with their responses and durations; the planted secret is masked; the page draws the rows', async () => {
    const view = await vscode.commands.executeCommand<ProtocolView>('mcpDevtools.showProtocol', { serverId });
    assert.ok(view, 'MCP: Show Protocol returns its view');
    assert.equal(api.protocol.get(serverId), view);
    // the page loaded its script (CSP, bundle) and drew what the host sent
    await waitFor(() => view.renderedRows > 0 && view.renderedRows === view.rows().length, 'the page drew the rows of the messages kept since the start');

    const r = await vscode.commands.executeCommand<RenderedResult>('mcpDevtools.callTool', { serverId, toolName: 'echo', arguments: { message: `token ${PLANTED} here` } });
    assert.ok(r && !r.isError, 'echo answered');
    const rows = await waitFor(() => {
      const rs = view.rows();
      return rs.some((x) => x.method === 'tools/call' && x.kind === 'response') && rs;
    }, 'the tools/call response in the view');

    // newest first
    assert.deepEqual(rows.map((x) => x.seq), [...rows.map((x) => x.seq)].sort((a, b) => b - a));
    for (const method of ['initialize', 'tools/call']) {
      const request = rows.find((x) => x.method === method && x.kind === 'request');
      const response = rows.find((x) => x.method === method && x.kind === 'response');
      assert.ok(request && response, `${method}: request and response`);
      assert.equal(request.direction, 'sent');
      assert.equal(response.direction, 'received');
      assert.equal(request.pair, response.seq, `${method}: the response is paired with its request`);
      assert.ok(typeof response.durationMs === 'number' && response.durationMs >= 0, `${method}: a duration`);
      assert.equal(request.durationMs, response.durationMs);
      assert.ok(request.sizeBytes > 0 && response.sizeBytes > 0, `${method}: sizes`);
    }
    const call = rows.find((x) => x.method === 'tools/call' && x.kind === 'request')!;
    const answer = rows.find((x) => x.method === 'tools/call' && x.kind === 'response')!;
    for (const seq of [call.seq, answer.seq]) {
      const json = view.detail(seq)!.json;
      assert.ok(!json.includes(PLANTED), `the secret is masked in ${json}`);
      assert.ok(json.includes('token <redacted> here'), json);
    }
    assert.equal(call.cli, true);
    assert.equal(view.cliCommand(call.seq), `npx mcp-devtools call everything echo --args '{"message":"token <redacted> here"}'`);

    // the live update reached the page too
    await waitFor(() => view.renderedRows === view.rows().length, 'the page drew the new rows');

    // the filter, through the page's message API, on text of this call's masked JSON (the server may
    // have answered other tools/call requests of earlier suites): this call, both ways
    await view.handle({ type: 'filter', filter: { text: 'token <redacted> here', direction: 'all', errorsOnly: false } });
    assert.deepEqual(view.rows().map((x) => `${x.direction} ${x.kind} ${x.method}`), ['received response tools/call', 'sent request tools/call']);
    await waitFor(() => view.renderedRows === 2, 'the page shows the 2 filtered rows');
    await view.handle({ type: 'filter', filter: { text: '', direction: 'received', errorsOnly: false } });
    assert.ok(view.rows().every((x) => x.direction === 'received'));

    // Copy as CLI command, as the page asks for it
    await view.handle({ type: 'copyCli', seq: call.seq });
    assert.equal(await vscode.env.clipboard.readText(), view.cliCommand(call.seq));
  });
});
