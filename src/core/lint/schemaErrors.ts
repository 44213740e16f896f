import type { ErrorObject } from 'ajv';
import { validatorForClient } from './schemas';
import { valueAt } from './servers';
import type { DocPath, LintContext } from './types';

/** An ajv error with its instance path as a document path (absolute: container path included). */
export interface SchemaError {
  error: ErrorObject;
  path: DocPath;
}

const cache = new WeakMap<LintContext, SchemaError[]>();

/** JSON pointer → document path; a segment is a number where the data at that point is an array. */
export function pointerToPath(data: unknown, base: DocPath, pointer: string): DocPath {
  const path: DocPath = [...base];
  if (!pointer) return path;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    path.push(Array.isArray(valueAt(data, path)) && /^\d+$/.test(seg) ? Number(seg) : seg);
  }
  return path;
}

/** The ajv errors of the servers container against the client's schema; computed once per context. */
export function schemaErrors(ctx: LintContext): SchemaError[] {
  let errs = cache.get(ctx);
  if (errs) return errs;
  errs = [];
  const container = valueAt(ctx.data, ctx.containerPath);
  if (container !== undefined && !ctx.syntaxError) {
    const validate = validatorForClient(ctx.format.client);
    if (!validate(container)) {
      const seen = new Set<string>();
      for (const error of validate.errors ?? []) {
        const key = `${error.instancePath}|${error.keyword}|${JSON.stringify(error.params)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        errs.push({ error, path: pointerToPath(ctx.data, ctx.containerPath, error.instancePath) });
      }
    }
  }
  cache.set(ctx, errs);
  return errs;
}

/** True when `path` is a server's field `field` or inside it (`[...servers, name, field, ...]`). */
export function isServerField(ctx: LintContext, path: DocPath, fields: readonly string[]): boolean {
  const base = ctx.containerPath.length + 1;
  return path.length > base + 1 && path[base - 1] === ctx.serversKey && fields.includes(String(path[base + 1]));
}
