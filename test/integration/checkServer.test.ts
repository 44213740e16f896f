import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { activate, resetWorkspace, startTrusted, treeText, waitFor, workspaceUri, write } from './helpers';

/** Issue 13, item 4: MCP: Check Server marks the tools and the server in the Servers view. */
describe('MCP: Check Server (test/fixtures/servers/doctor.mjs)', function () {
  this.timeout(90000);
  let api: ExtensionApi;
  let serverId: string;

  before(async () => {
    api = await activate();
    await resetWorkspace();
    await write(workspaceUri('.cursor', 'mcp.json'), JSON.stringify({ mcpServers: { doctor: { command: 'node', args: [`${process.env.MCP_DEVTOOLS_TEST_ROOT}/test/fixtures/servers/doctor.mjs`, '--sdk-valid'] } } }));
    serverId = await startTrusted(api, 'doctor', 'the doctor server from .cursor/mcp.json');
  });
  after(async () => {
    await api.live.stopAll();
    await resetWorkspace();
    await api.servers.refresh();
    await api.live.sync();
  });

  it('is offered on running server nodes, and marks each tool with findings (description, icon, tooltip) and the server', async () => {
    const menus = (vscode.extensions.getExtension('mcp-devtools.mcp-devtools')!.packageJSON as { contributes: { menus: Record<string, { command: string; when?: string }[]> } }).contributes.menus['view/item/context'];
    const entry = menus.find((m) => m.command === 'mcpDevtools.checkServer');
    assert.match(entry?.when ?? '', /mcpServer:running/);

    await vscode.commands.executeCommand('mcpDevtools.checkServer', { serverId });
    const findings = api.live.findings(serverId) ?? [];
    assert.ok(findings.some((f) => f.id === 'description-hidden-instructions' && f.item.name === 'poisoned'));

    const lines = await waitFor(async () => { const t = await treeText(api); return t.some((l) => /^\s+poisoned \(.*\d errors?/.test(l)) ? t : undefined; }, 'the poisoned tool marked in the tree');
    const line = (name: string) => lines.find((l) => l.trim().startsWith(`${name} `) || l.trim() === name) ?? '';
    assert.match(line('has space'), /1 error/);
    assert.match(line('required-missing'), /1 error/);
    assert.match(line('contradictory'), /1 warning/);
    assert.match(line('undescribed'), /1 warning/);
    assert.doesNotMatch(line('ok'), /error|warning/);
    assert.ok(lines.some((l) => /^\s*doctor \(.*errors?/.test(l)), `the server node shows the count:\n${lines.join('\n')}`);

    // the reason is in the tool's tooltip, and the icon is the error icon
    const children = async (node?: Parameters<typeof api.serversTree.getChildren>[0]) => api.serversTree.getChildren(node);
    const find = async (label: string, node?: Parameters<typeof api.serversTree.getChildren>[0]): Promise<Parameters<typeof api.serversTree.getChildren>[0] | undefined> => {
      for (const c of await children(node)) {
        const item = api.serversTree.getTreeItem(c);
        if ((typeof item.label === 'string' ? item.label : item.label?.label) === label) return c;
        const deeper = await find(label, c);
        if (deeper) return deeper;
      }
      return undefined;
    };
    const node = await find('poisoned');
    assert.ok(node);
    const item = api.serversTree.resolveTreeItem(api.serversTree.getTreeItem(node), node!);
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'error');
    assert.match((item.tooltip as vscode.MarkdownString).value, /IMPORTANT/);
  });
});
