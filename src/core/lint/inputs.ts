import { setPath } from './edits';
import { dollarStrings, isObject, valueAt } from './servers';
import type { DocPath, LintContext, TextEdit } from './types';

/** A `${input:id}` reference inside a server's string value. */
export interface InputRef {
  id: string;
  path: DocPath;
  value: string;
  index: number;
  length: number;
}

const refsCache = new WeakMap<LintContext, InputRef[]>();

/** Every `${input:id}` in the servers (VS Code); computed once per context. */
export function inputRefs(ctx: LintContext): InputRef[] {
  const cached = refsCache.get(ctx);
  if (cached) return cached;
  const refs: InputRef[] = [];
  refsCache.set(ctx, refs);
  for (const { path, value } of dollarStrings(ctx)) {
    if (!value.includes('${input:')) continue;
    for (const m of value.matchAll(/\$\{input:([^}]*)\}/g)) refs.push({ id: m[1], path, value, index: m.index ?? 0, length: m[0].length });
  }
  return refs;
}

/** The `inputs` entries with a string id: id, index, path. */
export function declaredInputs(ctx: LintContext): { id: string; index: number; path: DocPath }[] {
  const list = valueAt(ctx.data, [...ctx.containerPath, 'inputs']);
  if (!Array.isArray(list)) return [];
  return list.flatMap((item, index) => (isObject(item) && typeof item.id === 'string' ? [{ id: item.id, index, path: [...ctx.containerPath, 'inputs', index] }] : []));
}

/** Edits that append a `promptString` input (creating `inputs` when missing). */
export function addInputEdits(ctx: LintContext, input: { id: string; description: string; password: boolean }): TextEdit[] | undefined {
  const value = { type: 'promptString', id: input.id, description: input.description, ...(input.password ? { password: true } : {}) };
  const inputsPath = [...ctx.containerPath, 'inputs'];
  return Array.isArray(valueAt(ctx.data, inputsPath)) ? setPath(ctx, [...inputsPath, -1], value, true) : setPath(ctx, inputsPath, [value]);
}
