import * as assert from 'node:assert/strict';
import type { DiscoveryEnv } from '../../../src/core/config/env';
import { ALL_FORMATS, formatForPath, WORKSPACE_FORMATS, workspaceConfigPaths } from '../../../src/core/config/formats';

const linux: DiscoveryEnv = { platform: 'linux', home: '/home/alice' };
const mac: DiscoveryEnv = { platform: 'darwin', home: '/Users/alice' };
const win: DiscoveryEnv = { platform: 'win32', home: 'C:\\Users\\alice', appData: 'C:\\Users\\alice\\AppData\\Roaming' };
const id = (p: string, env: DiscoveryEnv = linux) => formatForPath(p, env)?.id;

describe('formatForPath', () => {
  it('recognizes every workspace file by its path', () => {
    assert.equal(id('/w/app/.vscode/mcp.json'), 'vscode-workspace');
    assert.equal(id('/w/app/team.code-workspace'), 'vscode-code-workspace');
    assert.equal(id('/w/app/.mcp.json'), 'claude-code-project');
    assert.equal(id('/w/app/.cursor/mcp.json'), 'cursor-project');
    assert.equal(id('/w/app/.gemini/settings.json'), 'gemini-project');
    assert.equal(id('/w/app/.codex/config.toml'), 'codex-project');
    assert.equal(id('/w/app/.continue/mcpServers/db.yaml'), 'continue-project');
    assert.equal(id('/w/app/.continue/mcpServers/db.yml'), 'continue-project');
    assert.equal(id('/w/app/.continue/mcpServers/db.json'), 'continue-project-json');
    assert.equal(id('/w/app/.kiro/settings/mcp.json'), 'kiro-workspace');
    assert.equal(id('/w/app/.zed/settings.json'), 'zed-project');
    assert.equal(id('/w/app/.github/mcp.json'), 'copilot-cli-project');
    assert.equal(id('/w/app/.roo/mcp.json'), 'roo-project');
    assert.equal(id('/w/app/opencode.json'), 'opencode-project');
    assert.equal(id('/w/app/opencode.jsonc'), 'opencode-project');
    assert.equal(id('/w/app/.opencode/opencode.json'), 'opencode-project');
    assert.equal(id('/w/app/.vscode/settings.json'), 'vscode-settings-workspace');
  });

  it('recognizes user files, deciding dot-directories by the home directory', () => {
    assert.equal(id('/home/alice/.cursor/mcp.json'), 'cursor-user');
    assert.equal(id('/home/alice/.gemini/settings.json'), 'gemini-user');
    assert.equal(id('/home/alice/.codex/config.toml'), 'codex-user');
    assert.equal(id('/home/alice/.claude.json'), 'claude-code-user');
    assert.equal(id('/etc/claude-code/managed-mcp.json'), 'claude-code-managed');
    assert.equal(id('/home/alice/.codeium/windsurf/mcp_config.json'), 'windsurf');
    assert.equal(id('/home/alice/.continue/config.yaml'), 'continue-user');
    assert.equal(id('/home/alice/.config/Claude/claude_desktop_config.json'), 'claude-desktop');
    assert.equal(id('/home/alice/.config/Code/User/mcp.json'), 'vscode-user');
    assert.equal(id('/home/alice/.config/Code - Insiders/User/profiles/-5a1b2c/mcp.json'), 'vscode-user');
    assert.equal(id('/home/alice/.config/Code/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json'), 'cline');
    assert.equal(id('/home/alice/.kiro/settings/mcp.json'), 'kiro-user');
    assert.equal(id('/home/alice/.config/zed/settings.json'), 'zed-user');
    assert.equal(id('/home/alice/.copilot/mcp-config.json'), 'copilot-cli-user');
    assert.equal(id('/home/alice/.config/Code/User/globalStorage/rooveterinaryinc.roo-cline/settings/mcp_settings.json'), 'roo-global');
    assert.equal(id('/home/alice/.config/opencode/opencode.json'), 'opencode-user');
    assert.equal(id('/home/alice/.config/Code/User/settings.json'), 'vscode-settings-user');
    assert.equal(id('/home/alice/.config/Code/User/profiles/-5a1b2c/settings.json'), 'vscode-settings-user');
  });

  it('honours $COPILOT_HOME and $XDG_CONFIG_HOME for Copilot CLI and OpenCode', () => {
    assert.equal(id('/opt/cp/mcp-config.json', { ...linux, copilotHome: '/opt/cp' }), 'copilot-cli-user');
    assert.equal(id('/xdg/opencode/opencode.json', { ...linux, xdgConfigHome: '/xdg' }), 'opencode-user');
    assert.equal(id('/xdg/opencode/opencode.json', linux), 'opencode-project');
  });

  it("recognizes files named only by their client (Windsurf's mcp_config.json, Claude Desktop's, Cline's, .mcp.json) wherever they are", () => {
    assert.equal(id('/w/app/mcp_config.json'), 'windsurf');
    assert.equal(id('/home/alice/dotfiles/windsurf/mcp_config.json'), 'windsurf');
    assert.equal(id('/home/alice/.codeium/windsurf-next/mcp_config.json'), 'windsurf');
    assert.equal(id('D:\\backup\\MCP_Config.json', win), 'windsurf');
    assert.equal(id('/w/app/claude_desktop_config.json'), 'claude-desktop');
    assert.equal(id('/w/app/cline_mcp_settings.json'), 'cline');
    assert.equal(id('/w/app/sub/.mcp.json'), 'claude-code-project');
    assert.equal(id('/w/app/mcp_config.json.bak'), undefined);
  });

  it('honours $CODEX_HOME', () => {
    assert.equal(id('/opt/codex/config.toml', { ...linux, codexHome: '/opt/codex' }), 'codex-user');
    assert.equal(id('/opt/codex/config.toml', linux), undefined);
  });

  it('accepts Windows paths, ignoring case', () => {
    assert.equal(id('C:\\Users\\alice\\AppData\\Roaming\\Claude\\claude_desktop_config.json', win), 'claude-desktop');
    assert.equal(id('C:\\Users\\alice\\AppData\\Roaming\\Code\\User\\mcp.json', win), 'vscode-user');
    assert.equal(id('c:\\users\\ALICE\\.cursor\\mcp.json', win), 'cursor-user');
    assert.equal(id('D:\\src\\app\\.VSCode\\mcp.json', win), 'vscode-workspace');
    assert.equal(id('/Users/alice/Library/Application Support/Code/User/mcp.json', mac), 'vscode-user');
  });

  it('accepts relative paths', () => {
    assert.equal(id('.vscode/mcp.json'), 'vscode-workspace');
    assert.equal(id('.mcp.json'), 'claude-code-project');
    assert.equal(id('.cursor/mcp.json'), 'cursor-project');
    assert.equal(id('sub\\.codex\\config.toml', win), 'codex-project');
  });

  it('returns undefined for files no client reads', () => {
    for (const p of ['/w/package.json', '/w/mcp.json', '/w/settings.json', '/w/config.toml', '/w/.continue/other/x.yaml', '/w/.kiro/mcp.json', '/w/.github/settings.json']) {
      assert.equal(id(p), undefined, p);
    }
  });

  it('every format has a unique id, and WORKSPACE_FORMATS are the workspace-scope ones', () => {
    assert.equal(new Set(ALL_FORMATS.map((f) => f.id)).size, ALL_FORMATS.length);
    assert.ok(WORKSPACE_FORMATS.every((f) => f.scope === 'workspace' && f.workspacePaths?.length));
    assert.deepEqual(ALL_FORMATS.filter((f) => f.scope === 'workspace'), WORKSPACE_FORMATS);
    assert.ok(workspaceConfigPaths().includes('.vscode/mcp.json'));
    assert.ok(workspaceConfigPaths().includes('.continue/mcpServers/*.yaml'));
  });

  it('each workspace path, placed in a folder, is recognized as its own format', () => {
    for (const f of WORKSPACE_FORMATS) {
      for (const rel of f.workspacePaths ?? []) assert.equal(id(`/w/proj/${rel.replace('*', 'name')}`), f.id, rel);
    }
  });
});
