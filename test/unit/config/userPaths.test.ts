import * as assert from 'node:assert/strict';
import { userConfigPaths } from '../../../src/core/config/discovery';
import type { DiscoveryEnv } from '../../../src/core/config/env';
import { formatForPath } from '../../../src/core/config/formats';

const table = (env: DiscoveryEnv) => userConfigPaths(env).map((u) => `${u.format.id} ${u.path}`);

describe('userConfigPaths', () => {
  it('Linux: ~/.config (or $XDG_CONFIG_HOME) for VS Code, Cline and Claude Desktop; dot-dirs in home', () => {
    assert.deepEqual(table({ platform: 'linux', home: '/home/alice' }), [
      'vscode-user /home/alice/.config/Code/User/mcp.json',
      'vscode-settings-user /home/alice/.config/Code/User/settings.json',
      'vscode-user /home/alice/.config/Code - Insiders/User/mcp.json',
      'vscode-settings-user /home/alice/.config/Code - Insiders/User/settings.json',
      'claude-desktop /home/alice/.config/Claude/claude_desktop_config.json',
      'claude-code-user /home/alice/.claude.json',
      'claude-code-managed /etc/claude-code/managed-mcp.json',
      'cursor-user /home/alice/.cursor/mcp.json',
      'windsurf /home/alice/.codeium/windsurf/mcp_config.json',
      'cline /home/alice/.config/Code/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json',
      'cline /home/alice/.config/Code - Insiders/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json',
      'gemini-user /home/alice/.gemini/settings.json',
      'codex-user /home/alice/.codex/config.toml',
      'continue-user /home/alice/.continue/config.yaml',
      'kiro-user /home/alice/.kiro/settings/mcp.json',
      'zed-user /home/alice/.config/zed/settings.json',
      'copilot-cli-user /home/alice/.copilot/mcp-config.json',
      'roo-global /home/alice/.config/Code/User/globalStorage/rooveterinaryinc.roo-cline/settings/mcp_settings.json',
      'roo-global /home/alice/.config/Code - Insiders/User/globalStorage/rooveterinaryinc.roo-cline/settings/mcp_settings.json',
      'opencode-user /home/alice/.config/opencode/opencode.json',
      'opencode-user /home/alice/.config/opencode/opencode.jsonc',
    ]);
    const xdg = table({ platform: 'linux', home: '/home/alice', xdgConfigHome: '/xdg', codexHome: '/opt/codex', copilotHome: '/opt/copilot' });
    assert.ok(xdg.includes('vscode-user /xdg/Code/User/mcp.json'));
    assert.ok(xdg.includes('zed-user /xdg/zed/settings.json'));
    assert.ok(xdg.includes('opencode-user /xdg/opencode/opencode.json'));
    assert.ok(xdg.includes('copilot-cli-user /opt/copilot/mcp-config.json'));
    assert.ok(xdg.includes('claude-desktop /xdg/Claude/claude_desktop_config.json'));
    assert.ok(xdg.includes('codex-user /opt/codex/config.toml'));
  });

  it('macOS: ~/Library/Application Support', () => {
    const t = table({ platform: 'darwin', home: '/Users/alice' });
    assert.ok(t.includes('vscode-user /Users/alice/Library/Application Support/Code/User/mcp.json'));
    assert.ok(t.includes('claude-desktop /Users/alice/Library/Application Support/Claude/claude_desktop_config.json'));
    assert.ok(t.includes('cline /Users/alice/Library/Application Support/Code/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json'));
    assert.ok(t.includes('cursor-user /Users/alice/.cursor/mcp.json'));
    assert.ok(t.includes('zed-user /Users/alice/.config/zed/settings.json'));
    assert.ok(t.includes('roo-global /Users/alice/Library/Application Support/Code/User/globalStorage/rooveterinaryinc.roo-cline/settings/mcp_settings.json'));
    assert.ok(!t.some((l) => l.startsWith('claude-code-managed')));
  });

  it('Windows: %APPDATA% (default <home>\\AppData\\Roaming), backslashes', () => {
    const t = table({ platform: 'win32', home: 'C:\\Users\\alice', appData: 'D:\\Roaming' });
    assert.ok(t.includes('vscode-user D:\\Roaming\\Code\\User\\mcp.json'));
    assert.ok(t.includes('claude-desktop D:\\Roaming\\Claude\\claude_desktop_config.json'));
    assert.ok(t.includes('cline D:\\Roaming\\Code\\User\\globalStorage\\saoudrizwan.claude-dev\\settings\\cline_mcp_settings.json'));
    assert.ok(t.includes('claude-code-user C:\\Users\\alice\\.claude.json'));
    assert.ok(t.includes('codex-user C:\\Users\\alice\\.codex\\config.toml'));
    assert.ok(t.includes('zed-user D:\\Roaming\\Zed\\settings.json'));
    assert.ok(t.includes('kiro-user C:\\Users\\alice\\.kiro\\settings\\mcp.json'));
    assert.ok(t.includes('opencode-user C:\\Users\\alice\\.config\\opencode\\opencode.json'));
    const noAppData = table({ platform: 'win32', home: 'C:\\Users\\alice' });
    assert.ok(noAppData.includes('vscode-user C:\\Users\\alice\\AppData\\Roaming\\Code\\User\\mcp.json'));
  });

  it('every path it gives is recognized by formatForPath as the same format', () => {
    const envs: DiscoveryEnv[] = [
      { platform: 'linux', home: '/home/alice' },
      { platform: 'darwin', home: '/Users/alice' },
      { platform: 'win32', home: 'C:\\Users\\alice', appData: 'C:\\Users\\alice\\AppData\\Roaming', codexHome: 'E:\\codex', copilotHome: 'E:\\copilot' },
      { platform: 'linux', home: '/home/alice', xdgConfigHome: '/xdg' },
    ];
    for (const env of envs) {
      for (const u of userConfigPaths(env)) assert.equal(formatForPath(u.path, env)?.id, u.format.id, u.path);
    }
  });
});
