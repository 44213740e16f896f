import * as assert from 'node:assert/strict';
import { formatById } from '../../../src/core/config/formats';
import { MAX_NESTING } from '../../../src/core/config/nesting';
import { deepConfig } from './helpers';

describe('readers: a config nested thousands of levels deep', () => {
  for (const syntax of ['json', 'toml', 'yaml-flow', 'yaml-block'] as const) {
    it(`${syntax}: says what failed and where, never throws`, () => {
      const c = deepConfig(syntax, 3000);
      const file = formatById(c.format).read(c.text, c.path);
      assert.match(file.error?.message ?? '', new RegExp(`^Nested more than ${MAX_NESTING} levels deep at line ${c.line}, column ${c.column}: `));
      assert.deepEqual(file.error?.range?.start, { line: c.line - 1, character: c.column - 1 });
      assert.deepEqual(file.servers, []);
    });

    it(`${syntax}: a file at the limit still reads`, () => {
      // exactly MAX_NESTING levels: the JSON and YAML roots hold 3 levels above args (4 above env); TOML counts brackets only
      const c = deepConfig(syntax, MAX_NESTING - { json: 3, toml: 0, 'yaml-flow': 3, 'yaml-block': 4 }[syntax]);
      const file = formatById(c.format).read(c.text, c.path);
      assert.doesNotMatch(file.error?.message ?? '', /Nested/);
      assert.deepEqual(file.servers.map((s) => s.name), ['a']);
    });
  }
});
