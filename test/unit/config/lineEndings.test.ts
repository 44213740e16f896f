import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { formatForPath } from '../../../src/core/config/formats';
import type { ConfigFile } from '../../../src/core/config/model';
import { fixturePath } from './helpers';

/** What a reader says about each server, positions as line:character, without offsets. */
function shape(file: ConfigFile): string[] {
  return file.servers.map((s) => {
    const t = s.transport;
    const first = t?.kind === 'stdio' ? t.command : t?.url;
    const at = (r: { start: { line: number; character: number } } | undefined) => (r ? `${r.start.line}:${r.start.character}` : '-');
    return `${s.name} ${t?.kind} ${first?.value} name@${at(s.nameRange)} value@${at(first?.range)} ${JSON.stringify(s.options)}`;
  });
}

describe('line endings (every valid fixture)', () => {
  const root = fixturePath('.');
  const files = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .filter((p) => p.split(path.sep).includes('valid'));

  for (const p of files) {
    it(`reads ${path.relative(root, p)} the same with CRLF line endings`, () => {
      const format = formatForPath(p, { platform: 'linux', home: '/none' });
      assert.ok(format);
      const lf = readFileSync(p, 'utf8').replace(/\r\n/g, '\n');
      const crlf = lf.replace(/\n/g, '\r\n');
      const a = format.read(lf, p);
      const b = format.read(crlf, p);
      assert.equal(b.error, undefined);
      assert.ok(a.servers.length > 0);
      assert.deepEqual(shape(b), shape(a));
    });
  }
});
