import { CLIENT_LABELS } from '../../config/model';
import { CLIENTS } from '../../clients';
import { replaceValue } from '../edits';
import { isObject, valueAt } from '../servers';
import type { DocPath, Finding, Fix, Rule, RuleDoc } from '../types';
import { finding, fix, showPath } from '../util';

const doc: RuleDoc = {
  code: 'value-type',
  severity: 'error',
  description: '"args" that is not an array of strings (e.g. one string with spaces), "env" / headers that are not an object of strings (numbers and null only where VS Code allows them).',
  fix: 'Split an args string into an array; quote a number or boolean.',
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
    const mapPaths: (readonly string[])[] = [['env'], ...CLIENTS[client].headerPaths];
    const describe = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `a ${typeof v}`);
    for (const s of ctx.servers) {
      if (!isObject(s.value)) continue;
      const args = s.value.args;
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
