/**
 * The per-client JSON Schemas in media/schemas/ (draft 2020-12): loading, one compiled ajv
 * validator per schema (compiled on first use, then cached), and key descriptions for hovers.
 */
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import { existsSync, readFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import type { ConfigFormat } from '../config/formats';
import type { ClientId } from '../config/model';
import { CLIENTS } from '../clients';
import { containerOf } from './servers';
import type { DocPath } from './types';

type Schema = Record<string, unknown>;

let schemaDir: string | undefined;
const schemas = new Map<string, Schema>();
const validators = new Map<string, ValidateFunction>();
let ajv: Ajv2020 | undefined;

/** Overrides where the schemas are read from (the extension passes `<extensionPath>/media/schemas`). */
export function setSchemaDir(dir: string): void {
  schemaDir = dir;
  schemas.clear();
  validators.clear();
}

/** media/schemas, found by walking up from this module (works from src, out/ and dist/). */
function findSchemaDir(): string {
  if (schemaDir) return schemaDir;
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    const candidate = nodePath.join(dir, 'media', 'schemas');
    if (existsSync(nodePath.join(candidate, 'vscode-mcp.schema.json'))) return (schemaDir = candidate);
    dir = nodePath.dirname(dir);
  }
  throw new Error(`media/schemas not found above ${__dirname}`);
}

/** The schema (parsed JSON) of a client's config format. Throws when the file is missing. */
export function schemaForClient(client: ClientId): Schema {
  const file = CLIENTS[client].schema;
  let s = schemas.get(file);
  if (!s) {
    s = JSON.parse(readFileSync(nodePath.join(findSchemaDir(), file), 'utf8')) as Schema;
    schemas.set(file, s);
  }
  return s;
}

/** The compiled ajv validator of a client's schema (all errors, verbose: errors carry `parentSchema`). */
export function validatorForClient(client: ClientId): ValidateFunction {
  const file = CLIENTS[client].schema;
  let v = validators.get(file);
  if (!v) {
    ajv ??= new Ajv2020({ allErrors: true, verbose: true, strict: false });
    v = ajv.compile(schemaForClient(client));
    validators.set(file, v);
  }
  return v;
}

/** The sub-schema at a document path, following `properties`, `additionalProperties`, `items` and local `$ref`s. */
export function subSchema(root: Schema, path: DocPath): Schema | undefined {
  const deref = (s: Schema | undefined): Schema | undefined => {
    const ref = s?.$ref;
    if (typeof ref !== 'string' || !ref.startsWith('#/')) return s;
    let t: unknown = root;
    for (const seg of ref.slice(2).split('/')) t = (t as Record<string, unknown> | undefined)?.[seg];
    return t as Schema | undefined;
  };
  let s = deref(root);
  for (const seg of path) {
    if (!s) return undefined;
    const props = s.properties as Record<string, Schema> | undefined;
    if (typeof seg === 'string' && props?.[seg]) s = deref(props[seg]);
    else if (typeof seg === 'number' && typeof s.items === 'object') s = deref(s.items as Schema);
    else if (typeof s.additionalProperties === 'object') s = deref(s.additionalProperties as Schema);
    else return undefined;
  }
  return s;
}

/**
 * The documentation of the key at `path` (a path in the whole document, e.g.
 * `['servers', 'github', 'command']`) for hovers; `undefined` when the schema does not know it.
 * Paths outside the servers container (e.g. other settings in `~/.gemini/settings.json`) get `undefined`.
 */
export function describeKey(format: ConfigFormat, path: DocPath): string | undefined {
  try {
    const { containerPath } = containerOf(format);
    if (path.length < containerPath.length || containerPath.some((seg, i) => path[i] !== seg)) return undefined;
    const d = subSchema(schemaForClient(format.client), path.slice(containerPath.length))?.description;
    return typeof d === 'string' ? d : undefined;
  } catch {
    return undefined;
  }
}

/** The property names a schema object allows (for did-you-mean). */
export function allowedKeys(schema: Schema | undefined): string[] {
  return Object.keys((schema?.properties as Record<string, unknown> | undefined) ?? {});
}
