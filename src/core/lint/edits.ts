/**
 * Small, exact edits for quick fixes: rename a key, replace a value, insert an array item, set or
 * remove a path, replace part of a string. Rules call these with a document path and a plain
 * value; each helper writes it in the file's own syntax: JSON (jsonc-parser nodes and `modify`),
 * TOML (`tomlEdits.ts`: text edits at the scanner's offsets) or YAML (`yamlEdits.ts`: text edits at
 * the `yaml` Document's node ranges). All keep comments and formatting around them. A helper
 * returns `undefined` when it cannot make the edit (the path is not there, or the format cannot
 * write the value): the rule then offers no fix.
 */
import { modify, type FormattingOptions } from 'jsonc-parser';
import { jsonNode } from './locate';
import { valueAt } from './servers';
import { tomlInsertArrayItem, tomlRenameKey, tomlReplaceInString, tomlReplaceValue, tomlSetPath } from './tomlEdits';
import type { DocPath, LintContext, TextEdit } from './types';
import { yamlInsertArrayItem, yamlRenameKey, yamlReplaceInString, yamlReplaceValue, yamlSetPath } from './yamlEdits';

const syntaxOf = (ctx: LintContext): 'json' | 'toml' | 'yaml' => (ctx.format.syntax === 'toml' ? 'toml' : ctx.format.syntax === 'yaml' ? 'yaml' : 'json');

/** The indentation a file already uses (first indented line), for jsonc-parser `modify`. */
export function formattingOf(text: string): FormattingOptions {
  const m = /\n([ \t]+)\S/.exec(text);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (m && m[1][0] === '\t') return { insertSpaces: false, tabSize: 1, eol };
  return { insertSpaces: true, tabSize: m ? m[1].length : 2, eol };
}

/** Replace the key at `path` with `newKey` (TOML: everywhere that key is written, e.g. each `[table.header]`). */
export function renameKey(ctx: LintContext, path: DocPath, newKey: string): TextEdit[] | undefined {
  const syntax = syntaxOf(ctx);
  if (syntax === 'toml') return tomlRenameKey(ctx, path, newKey);
  if (syntax === 'yaml') return yamlRenameKey(ctx, path, newKey);
  const key = jsonNode(ctx.tree, path)?.parent?.children?.[0];
  if (!ctx.isJson || !key) return undefined;
  return [{ offset: key.offset, length: key.length, newText: JSON.stringify(newKey) }];
}

/** Replace the value at `path` with `value`, written compactly in the file's syntax (JSON; a TOML array or inline table; a YAML scalar or flow collection). */
export function replaceValue(ctx: LintContext, path: DocPath, value: unknown): TextEdit[] | undefined {
  const syntax = syntaxOf(ctx);
  if (syntax === 'toml') return tomlReplaceValue(ctx, path, value);
  if (syntax === 'yaml') return yamlReplaceValue(ctx, path, value);
  const node = jsonNode(ctx.tree, path);
  if (!ctx.isJson || !node) return undefined;
  return [{ offset: node.offset, length: node.length, newText: JSON.stringify(value) }];
}

/** Insert `value` as item `index` of the array at `path`, on the same line style (a YAML block sequence: a `- item` line). */
export function insertArrayItem(ctx: LintContext, path: DocPath, index: number, value: unknown): TextEdit[] | undefined {
  const syntax = syntaxOf(ctx);
  if (syntax === 'toml') return tomlInsertArrayItem(ctx, path, index, value);
  if (syntax === 'yaml') return yamlInsertArrayItem(ctx, path, index, value);
  const arr = jsonNode(ctx.tree, path);
  if (!ctx.isJson || arr?.type !== 'array') return undefined;
  const items = arr.children ?? [];
  if (index < items.length) {
    return [{ offset: items[index].offset, length: 0, newText: `${JSON.stringify(value)}, ` }];
  }
  if (items.length) {
    const last = items[items.length - 1];
    return [{ offset: last.offset + last.length, length: 0, newText: `, ${JSON.stringify(value)}` }];
  }
  return [{ offset: arr.offset + 1, length: 0, newText: JSON.stringify(value) }];
}

/**
 * Insert `values` as items `index`, `index + 1`, … of the non-empty array at `path`: one
 * {@link insertArrayItem} per value, all insertions at the same place, joined in order into one
 * edit (so it works for any format whose `insertArrayItem` inserts at a fixed offset).
 * `undefined` when an item cannot be inserted or the array is empty (write it whole instead).
 */
export function insertArrayItems(ctx: LintContext, path: DocPath, index: number, values: readonly unknown[]): TextEdit[] | undefined {
  const arr = valueAt(ctx.data, path);
  if (!Array.isArray(arr) || !arr.length || !values.length) return undefined;
  const per = values.map((v) => insertArrayItem(ctx, path, index, v));
  const edits = per.map((e) => (e?.length === 1 ? e[0] : undefined));
  const first = edits[0];
  if (!first || edits.some((e) => !e || e.length !== 0 || e.offset !== first.offset)) return undefined;
  return [{ offset: first.offset, length: 0, newText: edits.map((e) => e!.newText).join('') }];
}

/**
 * Set or, with `undefined`, remove the value at `path`. JSON: jsonc-parser `modify`, formatted like
 * the file (a file on one line stays on one line: formatting would rewrite the whole line, that is
 * the whole file). TOML and YAML: a new key on its own line after the table's or map's last one,
 * with its indentation (or dotted prefix); a removed key with its line.
 */
export function setPath(ctx: LintContext, path: DocPath, value: unknown, isArrayInsertion = false): TextEdit[] | undefined {
  const syntax = syntaxOf(ctx);
  if (syntax === 'toml') return tomlSetPath(ctx, path, value, isArrayInsertion);
  if (syntax === 'yaml') return yamlSetPath(ctx, path, value, isArrayInsertion);
  if (!ctx.isJson || !ctx.tree) return undefined;
  try {
    return modify(ctx.text, path, value, { formattingOptions: /[\r\n]/.test(ctx.text) ? formattingOf(ctx.text) : undefined, isArrayInsertion }).map((e) => ({ offset: e.offset, length: e.length, newText: e.content }));
  } catch {
    return undefined;
  }
}

/** Replace `[index, index+length)` of the string value at `path`: a minimal edit when the text has no escapes. */
export function replaceInString(ctx: LintContext, path: DocPath, value: string, index: number, length: number, newText: string): TextEdit[] | undefined {
  const syntax = syntaxOf(ctx);
  if (syntax === 'toml') return tomlReplaceInString(ctx, path, value, index, length, newText);
  if (syntax === 'yaml') return yamlReplaceInString(ctx, path, value, index, length, newText);
  const node = jsonNode(ctx.tree, path);
  if (!ctx.isJson || node?.type !== 'string') return undefined;
  const raw = ctx.text.slice(node.offset, node.offset + node.length);
  if (raw === JSON.stringify(value)) {
    return [{ offset: node.offset + 1 + index, length, newText: JSON.stringify(newText).slice(1, -1) }];
  }
  return [{ offset: node.offset, length: node.length, newText: JSON.stringify(value.slice(0, index) + newText + value.slice(index + length)) }];
}

/** One edit turning `before` into `after` (common prefix and suffix left alone). */
export function diffEdit(before: string, after: string): TextEdit {
  let p = 0;
  while (p < before.length && p < after.length && before[p] === after[p]) p++;
  let s = 0;
  while (s < before.length - p && s < after.length - p && before[before.length - 1 - s] === after[after.length - 1 - s]) s++;
  return { offset: p, length: before.length - p - s, newText: after.slice(p, after.length - s) };
}

/**
 * `edit` (against `text`) without the part of its range it leaves unchanged: jsonc-parser's `modify`
 * returns whole reformatted lines, which may hold any other text of the file.
 */
export function shrinkEdit(text: string, edit: TextEdit): TextEdit {
  const d = diffEdit(text.slice(edit.offset, edit.offset + edit.length), edit.newText);
  return { ...d, offset: edit.offset + d.offset };
}

/**
 * Edits computed on the text after `first` was applied to `text`, mapped back to `text` and
 * returned with `first`, sorted. A later edit that touches `first` is merged with it into one edit
 * of the span the two cover; `undefined` when more than one does, or when the later edits overlap.
 */
export function rebaseAfter(text: string, first: TextEdit, later: readonly TextEdit[]): TextEdit[] | undefined {
  const delta = first.newText.length - first.length;
  const firstEnd = first.offset + first.newText.length; // in the text after `first`
  const out: TextEdit[] = [];
  let merged: TextEdit | undefined;
  for (const e of later) {
    if (e.offset + e.length < first.offset) out.push(e);
    else if (e.offset > firstEnd) out.push({ ...e, offset: e.offset - delta });
    else if (merged) return undefined;
    else {
      const after = applyTextEdits(text, [first]);
      const start = Math.min(e.offset, first.offset);
      const end = Math.max(e.offset + e.length, firstEnd);
      merged = { offset: start, length: end - delta - start, newText: applyTextEdits(after.slice(start, end), [{ ...e, offset: e.offset - start }]) };
    }
  }
  out.push(merged ?? first);
  out.sort((a, b) => a.offset - b.offset);
  for (let i = 1; i < out.length; i++) if (out[i - 1].offset + out[i - 1].length > out[i].offset) return undefined;
  return out;
}

/** Applies edits (non-overlapping, any order) to a text: how a client previews or applies a {@link Fix}. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.offset - a.offset)) out = out.slice(0, e.offset) + e.newText + out.slice(e.offset + e.length);
  return out;
}
