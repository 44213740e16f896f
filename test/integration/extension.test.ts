import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, EXTENSION_ID } from './helpers';

describe('extension', () => {
  it('activates in the real extension host', async () => {
    const api = await activate();
    assert.ok(api.servers, 'activate() returns the test API');
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive);
  });

  it('registers every command that package.json contributes', async () => {
    await activate();
    const contributed: { command: string }[] = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.commands;
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.map((c) => c.command).filter((c) => !registered.has(c));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
    assert.ok(contributed.length >= 5);
  });

  it('registers no command of ours that package.json does not contribute', async () => {
    await activate();
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON;
    const contributed = new Set((pkg.contributes.commands as { command: string }[]).map((c) => c.command));
    // VS Code registers `<view id>.focus` and the like for every contributed view
    const views: string[] = pkg.contributes.views.mcpDevtools.map((v: { id: string }) => v.id);
    const generated = (c: string) => views.some((v) => new RegExp(`^${v.replace('.', '\\.')}\\.(focus|resetViewLocation|toggleVisibility|removeView|open)$`).test(c));
    const ours = (await vscode.commands.getCommands(true)).filter((c) => c.startsWith('mcpDevtools.') && !generated(c));
    assert.deepEqual(ours.filter((c) => !contributed.has(c)), [], 'registered but not contributed');
  });

  it('contributes an MCP view container with the Servers view and lazy activation only', () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON;
    assert.equal(pkg.contributes.viewsContainers.activitybar[0].title, 'MCP');
    assert.equal(pkg.contributes.views.mcpDevtools[0].id, 'mcpDevtools.servers');
    assert.ok(!pkg.activationEvents.includes('*'), 'never activate on *');
  });

  it('opens the Servers view through its focus command', async () => {
    await vscode.commands.executeCommand('mcpDevtools.servers.focus');
  });
});
