import * as assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { ALL_HEADER_PATHS, ALL_TYPE_KEYS, ALL_URL_KEYS, CLIENT_LIST, CLIENTS, FORMAT_SPECS, typeFamily, TYPE_WORDS } from '../../../src/core/clients';
import { formatForPath } from '../../../src/core/config/formats';

const root = path.resolve(__dirname, '../../../..');
const env = { platform: 'linux', home: '/home/me' } as const;

describe('client modules', () => {
  it('each is registered under its own id, with a schema in media/schemas', () => {
    for (const [id, c] of Object.entries(CLIENTS)) {
      assert.equal(c.id, id);
      assert.ok(existsSync(path.join(root, 'media', 'schemas', c.schema)), `${id}: media/schemas/${c.schema}`);
    }
  });

  it('each has real-world fixtures in test/fixtures/configs/<id>/valid, recognized as its formats', () => {
    for (const c of CLIENT_LIST) {
      const dir = path.join(root, 'test', 'fixtures', 'configs', c.id, 'valid');
      const files = existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)) : [];
      assert.ok(files.length, `${c.id}: no fixture in ${dir}`);
      for (const f of files) assert.equal(formatForPath(f, { platform: 'linux', home: '/nonexistent-home' })?.client, c.id, f);
    }
  });

  it('format ids are unique, and every workspace path and user path is recognized as its format', () => {
    const ids = FORMAT_SPECS.map((f) => f.id);
    assert.deepEqual(ids, [...new Set(ids)]);
    for (const f of FORMAT_SPECS) {
      for (const rel of f.workspacePaths ?? []) {
        const p = `/work/project/${rel.replace('*', 'x')}`;
        assert.equal(formatForPath(p, env)?.id, f.id, p);
      }
    }
    for (const c of CLIENT_LIST) {
      for (const u of c.userPaths(env)) {
        assert.ok(c.formats.some((f) => f.id === u.format), `${c.id}: ${u.format} is not one of its formats`);
        assert.equal(formatForPath(u.path, env)?.id, u.format, u.path);
      }
    }
  });

  it('every accepted type word and URL key is known to the reader and the linter alike', () => {
    for (const c of CLIENT_LIST) {
      for (const w of c.typeWords ?? []) assert.ok(w in TYPE_WORDS && typeFamily(w) === TYPE_WORDS[w], `${c.id}: "${w}"`);
      for (const u of c.urlKeys) assert.ok(ALL_URL_KEYS.includes(u.key));
      assert.ok(c.urlKeys.some((u) => u.key === c.preferredUrlKey), `${c.id}: preferredUrlKey`);
      for (const k of c.typeKeys) assert.ok(ALL_TYPE_KEYS.includes(k));
      for (const h of c.headerPaths) assert.ok(ALL_HEADER_PATHS.some((p) => p.join('.') === h.join('.')));
    }
  });

  it('type synonyms: each client spelling and common mistakes name one transport', () => {
    assert.deepEqual(['streamableHttp', 'streamable-http', 'Streamable HTTP', 'remote'].map(typeFamily), ['http', 'http', 'http', 'http']);
    assert.deepEqual(['local', 'websocket', 'tcp', 'eventsource', 'nonsense'].map(typeFamily), ['stdio', 'ws', 'ws', 'sse', undefined]);
  });
});
