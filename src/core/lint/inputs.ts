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

/**
 * The `pickString` inputs VS Code cannot show a choice for: `options` missing or not an array (its
 * resolver throws "Input variable 'id' is of type 'pickString' and must include 'options' of type
 * 'string[]'"), or empty (the pick list has nothing to choose, so the server never gets a value).
 * Source: microsoft/vscode `baseConfigurationResolverService.ts` (case 'pickString') and
 * `configurationResolverSchema.ts` (a pickString input requires `options`).
 */
export function pickStringsWithoutOptions(ctx: LintContext): { id: string; index: number; path: DocPath; problem: 'missing' | 'not-array' | 'empty' }[] {
  const list = valueAt(ctx.data, [...ctx.containerPath, 'inputs']);
  if (!Array.isArray(list)) return [];
  return list.flatMap((item, index) => {
    if (!isObject(item) || item.type !== 'pickString') return [];
    const problem = item.options === undefined ? 'missing' : !Array.isArray(item.options) ? 'not-array' : item.options.length ? undefined : 'empty';
    return problem ? [{ id: typeof item.id === 'string' ? item.id : `#${index + 1}`, index, path: [...ctx.containerPath, 'inputs', index], problem }] : [];
  });
}
