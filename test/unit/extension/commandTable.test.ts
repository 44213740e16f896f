/**
 * The command ids (src/commandIds.ts) against package.json, both ways. The command table
 * (src/commands.ts) is a `Record<CommandId, Handler>`, so the compiler holds it to the same ids;
 * the integration test "registers every command" checks the table is what VS Code sees.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CommandIds } from '../../../src/commandIds';

const ROOT = path.resolve(__dirname, '../../../..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const ids = new Set<string>(Object.values(CommandIds));

describe('command table and package.json', () => {
  it('every command id is contributed, and every contributed command has an id', () => {
    const contributed: string[] = pkg.contributes.commands.map((c: { command: string }) => c.command);
    assert.deepEqual(contributed.filter((c) => !ids.has(c)), [], 'contributed in package.json but not in CommandIds');
    assert.deepEqual([...ids].filter((c) => !contributed.includes(c)), [], 'in CommandIds but not contributed in package.json');
    assert.equal(new Set(contributed).size, contributed.length, 'no command contributed twice');
  });

  it('every menu entry and keybinding names a command of ours', () => {
    const used: string[] = [];
    for (const entries of Object.values(pkg.contributes.menus ?? {}) as { command?: string }[][]) for (const e of entries) if (e.command) used.push(e.command);
    for (const k of pkg.contributes.keybindings ?? []) used.push(k.command);
    assert.deepEqual(used.filter((c) => c.startsWith('mcpDevtools.') && !ids.has(c)), []);
  });

  it('every view item menu entry says which view it is for', () => {
    for (const e of pkg.contributes.menus['view/item/context'] as { command: string; when?: string }[]) {
      assert.match(e.when ?? '', /view == mcpDevtools\.(servers|history)/, `${e.command}: says which view`);
    }
  });
});
