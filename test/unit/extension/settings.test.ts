/** The typed settings: one default per key, the same as package.json declares, read through a stand-in. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { NEEDS_RELOAD, SETTING_DEFAULTS, Settings, SETTINGS_SECTION, type SettingsSource } from '../../../src/settings';

const ROOT = path.resolve(__dirname, '../../../..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const declared: Record<string, { default: unknown }> = pkg.contributes.configuration.properties;

/** A `vscode.workspace` stand-in: `values` are the user's, keyed like `servers.autostart`. */
function source(values: Record<string, unknown>) {
  const listeners: ((e: { affectsConfiguration(s: string): boolean }) => void)[] = [];
  const src = {
    getConfiguration: (_section: string) => ({ get: (key: string, d: unknown) => (key in values ? values[key] : d) }),
    onDidChangeConfiguration: (l: (e: { affectsConfiguration(s: string): boolean }) => void) => (listeners.push(l), { dispose: () => listeners.splice(listeners.indexOf(l), 1) }),
  };
  const change = (key: string) => listeners.forEach((l) => l({ affectsConfiguration: (s) => `${SETTINGS_SECTION}.${key}` === s || `${SETTINGS_SECTION}.${key}`.startsWith(`${s}.`) }));
  return { src: src as unknown as SettingsSource, change };
}

describe('settings', () => {
  it('declares every package.json setting, with the same default, and no other', () => {
    const ours = Object.keys(SETTING_DEFAULTS).map((k) => `${SETTINGS_SECTION}.${k}`).sort();
    assert.deepEqual(ours, Object.keys(declared).sort());
    for (const [k, v] of Object.entries(SETTING_DEFAULTS)) assert.deepEqual(v, declared[`${SETTINGS_SECTION}.${k}`].default, k);
  });

  it('get: the user value, else the default', () => {
    const s = new Settings(source({ 'calls.timeoutSeconds': 5 }).src);
    assert.equal(s.get('calls.timeoutSeconds'), 5);
    assert.equal(s.get('history.maxEntries'), 200);
  });

  it('onDidChange fires for its keys only', () => {
    const { src, change } = source({});
    const s = new Settings(src);
    let n = 0;
    const sub = s.onDidChange(['lint.enable', 'lint.debounceMs'], () => n++);
    change('lint.debounceMs');
    change('servers.autostart');
    assert.equal(n, 1);
    sub.dispose();
    change('lint.enable');
    assert.equal(n, 1);
  });

  it('offers a window reload when a setting read once at activation changes', async () => {
    assert.deepEqual(NEEDS_RELOAD, ['servers.connectTimeoutSeconds', 'servers.maxMessageMiB']);
    const { src, change } = source({});
    const asked: string[] = [];
    let reloaded = 0;
    new Settings(src).promptReloadOnChange(async (message, action) => (asked.push(message), action), () => reloaded++);
    change('calls.timeoutSeconds');
    change('servers.connectTimeoutSeconds');
    await new Promise((r) => setImmediate(r));
    assert.equal(asked.length, 1);
    assert.match(asked[0], /mcpDevtools\.servers\.connectTimeoutSeconds.*reload/);
    assert.equal(reloaded, 1);
  });
});
