import { CLIENT_LABELS } from '../../config/model';
import { CLIENTS } from '../../clients';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { applyTextEdits, rebaseAfter, replaceValue, setPath, shrinkEdit } from '../edits';
import { isObject, valueAt } from '../servers';
import type { DocPath, Finding, Fix, LintContext, Rule, RuleDoc } from '../types';
import { finding, fix, showPath } from '../util';

const doc: RuleDoc = {
  code: 'value-type',
  severity: 'error',
  description: '"args" that is not an array of strings (e.g. one string with spaces), "env" / headers that are not an object of strings (numbers and null only where VS Code allows them); in OpenCode, a "command" string where it takes one array of the program and its arguments.',
  fix: 'Split an args string into an array; quote a number or boolean; join an OpenCode command and its args into one array.',
};

/** Splits a command line the way a user meant it: spaces separate, quotes group. */
export function splitArgs(s: string): string[] {
  return (s.match(/"[^"]*"|'[^']*'|\S+/g) ?? []).map((a) => a.replace(/^(["'])(.*)\1$/, '$2'));
}

export const valueTypeRule: Rule = {
  doc,
  check(ctx) {
    const out: Finding[] = [];
    const client = ctx.format.client;
    const label = CLIENT_LABELS[client];
    const profile = CLIENTS[client];
    const mapPaths: (readonly string[])[] = [[profile.envKey ?? 'env'], ...profile.headerPaths];
    const describe = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `a ${typeof v}`);
    for (const s of ctx.servers) {
      if (!isObject(s.value)) continue;
      const args = s.value.args;
      if (profile.commandShape === 'array' && typeof s.value.command === 'string') {
        out.push(commandString(ctx, s.path, s.value.command, args, label));
        continue;
      }
      if (args !== undefined && !Array.isArray(args)) {
        const argsPath = [...s.path, 'args'];
        const fixes: (Fix | undefined)[] = [];
        let msg = `${showPath(argsPath)} must be an array of strings, one per argument, not ${describe(args)}.`;
        if (typeof args === 'string') {
          const split = splitArgs(args);
          msg += ` ${label} does not split a string on spaces: write ${JSON.stringify(split)}.`;
          fixes.push(fix('Split into an array', replaceValue(ctx, argsPath, split)));
        }
        out.push(finding(ctx, doc, ctx.locate(argsPath), msg, { fixes }));
      } else if (Array.isArray(args)) {
        args.forEach((a, i) => {
          if (typeof a === 'string') return;
          const p: DocPath = [...s.path, 'args', i];
          const scalar = typeof a === 'number' || typeof a === 'boolean';
          out.push(finding(ctx, doc, ctx.locate(p), `${showPath(p)} must be a string, not ${describe(a)}.${scalar ? ` Write "${String(a)}".` : ''}`, {
            fixes: scalar ? [fix(`Quote it: "${String(a)}"`, replaceValue(ctx, p, String(a)))] : [],
          }));
        });
      }
      for (const mapPath of mapPaths) {
        const m = valueAt(s.value, [...mapPath]);
        if (m === undefined) continue;
        const mp = [...s.path, ...mapPath];
        const key = mapPath.join('.');
        if (!isObject(m)) {
          out.push(finding(ctx, doc, ctx.locate(mp), `${showPath(mp)} must be an object of "NAME": "value" pairs, not ${describe(m)}.`));
          continue;
        }
        for (const name in m) {
          const val = m[name];
          if (typeof val === 'string') continue;
          const vscodeOk = client === 'vscode' && key === 'env' && (typeof val === 'number' || val === null);
          if (vscodeOk) continue;
          const p = [...mp, name];
          const scalar = typeof val === 'number' || typeof val === 'boolean';
          out.push(finding(ctx, doc, ctx.locate(p), `${showPath(p)} must be a string, not ${describe(val)}: ${label} rejects other types.${scalar ? ` Write "${String(val)}".` : ''}`, {
            fixes: scalar ? [fix(`Quote it: "${String(val)}"`, replaceValue(ctx, p, String(val)))] : [],
          }));
        }
      }
    }
    return out;
  },
};

/**
 * OpenCode's `command` is one array, the program then its arguments, and it has no `args`
 * (opencode.ai/docs/mcp-servers, `McpLocalConfig`): a string there (often pasted from another
 * client, with `args` beside it) fails its schema. The fix writes the array (a command line in the
 * string is split) and removes `args`.
 */
function commandString(ctx: LintContext, serverPath: DocPath, command: string, args: unknown, label: string): Finding {
  const path = [...serverPath, 'command'];
  const extra = Array.isArray(args) && args.every((a) => typeof a === 'string') ? (args as string[]) : [];
  const joined = [...splitArgs(command), ...extra];
  let edits = replaceValue(ctx, path, joined);
  // two edits that may touch (the comma between command and args): args removed first, the command rewritten in that text
  const removal = args !== undefined ? setPath(ctx, [...serverPath, 'args'], undefined) : undefined;
  if (removal?.length === 1) {
    const first = shrinkEdit(ctx.text, removal[0]);
    const after = applyTextEdits(ctx.text, [first]);
    const tree = parseTree(after, [], { allowTrailingComma: true });
    const node = tree && findNodeAtLocation(tree, path);
    edits = node && rebaseAfter(ctx.text, first, [{ offset: node.offset, length: node.length, newText: JSON.stringify(joined) }]);
  } else if (args !== undefined) edits = undefined;
  return finding(ctx, doc, ctx.locate(path), `${showPath(path)} must be one array, the program then its arguments: ${label} has no "args". Write ${JSON.stringify(joined)}.`, {
    fixes: [fix('Write command as one array', edits)],
  });
}
