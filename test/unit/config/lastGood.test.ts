/** A config file that stops parsing keeps the servers of its last good read. */
import * as assert from 'node:assert/strict';
import { formatById } from '../../../src/core/config/formats';
import { LastGoodConfigs } from '../../../src/core/config/lastGood';

const PATH = '/ws/.vscode/mcp.json';
const read = (text: string) => formatById('vscode-workspace').read(text, PATH);
const GOOD = '{\n  "servers": {\n    "a": { "command": "node", "args": ["a.js"] },\n    "b": { "command": "node", "args": ["b.js"] }\n  },\n  "inputs": [{ "id": "tok", "type": "promptString" }]\n}\n';
// half-typed: the comma after "a" is missing and "b" is cut off
const BROKEN = '{\n  "servers": {\n    "a": { "command": "node", "args": ["a.js"] }\n    "b": { "command": "no\n';

describe('config: last good read of a file', () => {
  it('a file with a syntax error keeps the servers and inputs of its last good read, with its own error', () => {
    const kept = new LastGoodConfigs();
    kept.apply([read(GOOD)]);
    const broken = read(BROKEN);
    assert.ok(broken.error, 'the broken text does not parse');
    assert.deepEqual(broken.inputs, [], 'what jsonc-parser recovers is not the last good read');
    const [out] = kept.apply([broken]);
    assert.deepEqual(out.servers.map((s) => s.name), ['a', 'b']);
    assert.deepEqual(out.servers.map((s) => s.transport?.kind === 'stdio' && s.transport.command.value), ['node', 'node']);
    assert.deepEqual(out.inputs.map((i) => i.id), ['tok']);
    assert.equal(out.error, broken.error);
    assert.equal(out.keptLastGood, true);
  });

  it('the next good read replaces it, edits included', () => {
    const kept = new LastGoodConfigs();
    kept.apply([read(GOOD)]);
    kept.apply([read(BROKEN)]);
    const fixed = read(GOOD.replace('b.js', 'c.js'));
    const [out] = kept.apply([fixed]);
    assert.equal(out, fixed);
    assert.equal(out.keptLastGood, undefined);
    // and that read is now the one kept
    const [again] = kept.apply([read(BROKEN)]);
    assert.equal(again.servers[1].transport?.kind === 'stdio' && again.servers[1].transport.args[0].value, 'c.js');
  });

  it('a file never read without an error comes back as read (what was recovered)', () => {
    const broken = read(BROKEN);
    const [out] = new LastGoodConfigs().apply([broken]);
    assert.equal(out, broken);
  });

  it('forgets a file that is gone, so a deleted file does not bring its servers back', () => {
    const kept = new LastGoodConfigs();
    kept.apply([read(GOOD)]);
    kept.apply([]);
    const [out] = kept.apply([read(BROKEN)]);
    assert.equal(out.keptLastGood, undefined);
  });

  it('keeps files apart by path and workspace folder (Claude Code local scope)', () => {
    const kept = new LastGoodConfigs();
    const good = read(GOOD);
    kept.apply([{ ...good, workspaceFolder: '/one' }]);
    const [other] = kept.apply([{ ...read(BROKEN), workspaceFolder: '/two' }]);
    assert.equal(other.keptLastGood, undefined);
  });
});
