import * as vscode from 'vscode';
import { ServerState } from '../core/connection/state';
import type { LiveServers } from './liveServers';

/** A status bar item: running servers out of configured ones, and how many are in error. Click: the view. */
export function registerStatusBar(live: LiveServers): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('mcpDevtools.status', vscode.StatusBarAlignment.Left, 10);
  item.name = 'MCP Servers';
  item.command = 'mcpDevtools.servers.focus'; // VS Code's own command for the view
  const update = () => {
    const all = live.all();
    if (!all.length) {
      item.hide();
      return;
    }
    const running = all.filter((s) => s.state.kind === 'running').length;
    const errors = all.filter((s) => s.state.kind === 'error');
    item.text = `$(server-environment) MCP ${running}/${all.length}${errors.length ? ` $(error) ${errors.length}` : ''}`;
    item.tooltip = `MCP servers: ${running} running of ${all.length}${errors.length ? `\n${errors.map((s) => `${s.definition.name}: ${ServerState.label(s.state)}`).join('\n')}` : ''}`;
    item.backgroundColor = errors.some((s) => s.state.kind === 'error' && !s.state.retry) ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    item.show();
  };
  const sub = live.onDidChange(update);
  update();
  return vscode.Disposable.from(item, sub);
}
