import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ServersNode } from '../../src/servers/serversTree';
import { activate, resetWorkspace, treeText, waitFor, workspaceUri, write } from './helpers';

/** The tree item of the first node (depth-first) that `match` accepts. */
async function findItem(api: Awaited<ReturnType<typeof activate>>, match: (node: ServersNode) => boolean): Promise<vscode.TreeItem | undefined> {
  const walk = async (node?: ServersNode): Promise<ServersNode | undefined> => {
    for (const child of await api.serversTree.getChildren(node)) {
      if (match(child)) return child;
      const found = await walk(child);
      if (found) return found;
    }
    return undefined;
  };
  const node = await walk();
  return node && api.serversTree.getTreeItem(node);
}

/** A tooltip's Markdown with backslash escapes undone. */
const tooltipText = (item: vscode.TreeItem | undefined) => (item?.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : String(item?.tooltip ?? '')).replace(/\\(.)/g, '$1');

describe('The same server across clients', () => {
  beforeEach(async () => {
    const api = await activate();
    await resetWorkspace();
    await api.servers.refresh();
  });

  after(async () => {
    await vscode.workspace.getConfiguration('mcpDevtools.servers').update('groupBy', undefined, vscode.ConfigurationTarget.Global);
    await resetWorkspace();
    await (await activate()).servers.refresh();
  });

  it('shows a server in two clients\' files as one entry with its copies and a drift badge; Compare Copies opens the diff', async () => {
    const api = await activate();
    // .mcp.json (Claude Code) has "memory": npx -y @modelcontextprotocol/server-memory; this copy adds an env variable
    await write(workspaceUri('.cursor', 'mcp.json'), JSON.stringify({ mcpServers: { memory: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-memory'], env: { MEMORY_FILE_PATH: '/tmp/memory.json' } } } }));
    const lines = await waitFor(async () => {
      const l = await treeText(api);
      return l.filter((x) => x.includes('memory (stdio · drift)')).length === 2 ? l : undefined;
    }, 'both copies of "memory" are marked drift, under their own client and file');
    assert.ok(lines.includes('  .cursor/mcp.json (workspace · 1 server)'), lines.join('\n'));
    const claudeCopy = await findItem(api, (n) => n.kind === 'server' && n.server.client === 'claude-code' && n.server.name === 'memory');
    assert.match(tooltipText(claudeCopy), /\*\*Also defined in\*\*: Cursor · mcp\.json/);
    assert.match(tooltipText(claudeCopy), /the copies differ in `env\.MEMORY_FILE_PATH`/);

    const config = vscode.workspace.getConfiguration('mcpDevtools.servers');
    await config.update('groupBy', 'server', vscode.ConfigurationTarget.Global);
    const grouped = await waitFor(async () => {
      const l = await treeText(api);
      return l.includes('memory (2 copies · drift)') ? l : undefined;
    }, 'one entry for "memory" with its two copies');
    assert.deepEqual(grouped.filter((l) => l.includes('memory')), ['memory (2 copies · drift)', '  memory (Claude Code · .mcp.json · stdio · drift)', '  memory (Cursor · mcp.json · stdio · drift)']);
    assert.ok(grouped.includes('everything (VS Code · mcp.json · stdio)'), `a server defined once stays one node:\n${grouped.join('\n')}`);

    await vscode.commands.executeCommand('mcpDevtools.compareCopies', { serverId: workspaceUri('.mcp.json').fsPath + '#memory' });
    const tab = await waitFor(() => {
      const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      return input instanceof vscode.TabInputTextDiff ? input : undefined;
    }, 'a diff editor opens');
    const [left, right] = await Promise.all([vscode.workspace.openTextDocument(tab.original), vscode.workspace.openTextDocument(tab.modified)]);
    assert.equal(tab.original.scheme, 'mcp-devtools-copy');
    assert.ok(!left.getText().includes('MEMORY_FILE_PATH'), left.getText());
    assert.match(right.getText(), /"MEMORY_FILE_PATH": "\/tmp\/memory\.json"/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await config.update('groupBy', undefined, vscode.ConfigurationTarget.Global);
  });

  it('dims the entry another of its client wins over, with the reason in its tooltip', async () => {
    const api = await activate();
    // ~/.cursor/mcp.json (user scope) defines "home-server"; a project copy of the same name wins in Cursor
    await write(workspaceUri('.cursor', 'mcp.json'), JSON.stringify({ mcpServers: { 'home-server': { command: 'node', args: ['server.js'] } } }));
    const lines = await waitFor(async () => {
      const l = await treeText(api);
      return l.includes('    home-server (stdio · shadowed)') ? l : undefined;
    }, 'the user copy is shadowed');
    assert.ok(lines.includes('    home-server (stdio · wins)'), lines.join('\n'));
    const shadowed = await findItem(api, (n) => n.kind === 'server' && n.server.name === 'home-server' && !n.server.file.startsWith(workspaceUri().fsPath));
    assert.ok(shadowed?.iconPath instanceof vscode.ThemeIcon);
    assert.equal(shadowed.iconPath.id, 'circle-slash');
    assert.equal(shadowed.iconPath.color?.id, 'disabledForeground');
    assert.match(tooltipText(shadowed), /\*\*Shadowed\*\*: Cursor uses the entry in mcp\.json \(cursor-project\) over the one in mcp\.json \(cursor-user\)/);
    assert.match(tooltipText(shadowed), /The copies are alike/);
  });
});
