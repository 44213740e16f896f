import type * as vscode from 'vscode';
import { DEFAULT_MAX_MESSAGE_BYTES, MIB } from './core/connection/limits';
import { DEFAULT_LIMIT_BYTES } from './core/results/parts';
import { DEFAULT_PROTOCOL_CAPACITY } from './core/protocol/messageLog';

/**
 * Every `mcpDevtools.*` setting, its type and its default, in one place. package.json's
 * `contributes.configuration` declares the same keys and defaults (a unit test holds them equal),
 * with the descriptions and bounds the Settings editor shows.
 */
export const SETTING_DEFAULTS = {
  'servers.showUserConfigs': true as boolean,
  'servers.showEmptyGroups': false as boolean,
  /** How the Servers view groups servers: client → file → server, or one entry per server with its copies (`core/config/sameServer.ts`). */
  'servers.groupBy': 'client' as 'client' | 'server',
  'servers.autostart': 'never' as 'never' | 'onViewOpen',
  /** Seconds a server may take to answer `initialize`. Read when the servers are set up: a change needs a reload. */
  'servers.connectTimeoutSeconds': 30 as number,
  /** MiB one message from a stdio server may have (the MCP SDK's limit by default). Read when the servers are set up: a change needs a reload. */
  'servers.maxMessageMiB': (DEFAULT_MAX_MESSAGE_BYTES / MIB) as number,
  'lint.enable': true as boolean,
  'lint.debounceMs': 250 as number,
  'calls.timeoutSeconds': 60 as number,
  'calls.maxResultBytes': DEFAULT_LIMIT_BYTES as number,
  /** When a tool is called as a task (spec 2025-11-25): a `required` one only, or an `optional` one too. */
  'calls.useTasks': 'whenRequired' as 'whenRequired' | 'whenSupported',
  'history.maxEntries': 200 as number,
  /** JSON-RPC messages the Protocol view keeps per server (0: none). */
  'protocol.maxMessages': DEFAULT_PROTOCOL_CAPACITY as number,
  /** Which front end fills in a call's arguments: see `chooseFormFrontEnd` (core/forms/formModel.ts). */
  'forms.view': 'auto' as 'auto' | 'inputBoxes' | 'formView',
  /** Hand other clients' servers to VS Code's own MCP support (`servers/mcpBridge.ts`). */
  'bridge.enabled': false as boolean,
};

export type SettingKey = keyof typeof SETTING_DEFAULTS;
export type SettingValue<K extends SettingKey> = (typeof SETTING_DEFAULTS)[K];

/** The section every key is under. */
export const SETTINGS_SECTION = 'mcpDevtools';

/** Settings read once at activation: a change takes effect after "Developer: Reload Window". */
export const NEEDS_RELOAD: readonly SettingKey[] = ['servers.connectTimeoutSeconds', 'servers.maxMessageMiB'];

/** The part of `vscode.workspace` settings are read through (tests pass a stand-in). */
export type SettingsSource = Pick<typeof vscode.workspace, 'getConfiguration' | 'onDidChangeConfiguration'>;

/**
 * Typed access to the settings: `get` returns the user's value or the one default above (no call
 * site repeats a default), `onDidChange` listens to some keys only. Only `import type` from
 * `vscode`: the wiring passes `vscode.workspace` in.
 */
export class Settings {
  constructor(private readonly source: SettingsSource) {}

  /** The current value of `mcpDevtools.<key>`, or its default. */
  get<K extends SettingKey>(key: K): SettingValue<K> {
    return this.source.getConfiguration(SETTINGS_SECTION).get<SettingValue<K>>(key, SETTING_DEFAULTS[key]);
  }

  /** Calls `listener` after any of `keys` changed (once per configuration change). */
  onDidChange(keys: readonly SettingKey[], listener: () => void): vscode.Disposable {
    return this.source.onDidChangeConfiguration((e) => {
      if (keys.some((k) => e.affectsConfiguration(`${SETTINGS_SECTION}.${k}`))) listener();
    });
  }

  /**
   * When a {@link NEEDS_RELOAD} setting changes, offers "Reload Window" (a change would otherwise
   * silently wait for the next start). `ask` shows the message with the action and resolves to the
   * one chosen; `reload` reloads the window.
   */
  promptReloadOnChange(ask: (message: string, action: string) => Thenable<string | undefined>, reload: () => unknown): vscode.Disposable {
    const subs = NEEDS_RELOAD.map((key) => this.onDidChange([key], () => {
      const action = 'Reload Window';
      void Promise.resolve(ask(`MCP DevTools: the new value of "${SETTINGS_SECTION}.${key}" applies after a window reload.`, action)).then((a) => a === action && reload());
    }));
    return { dispose: () => subs.forEach((s) => s.dispose()) };
  }
}
