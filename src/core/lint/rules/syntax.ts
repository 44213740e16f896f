import { describeParseError } from '../../config/jsonReader';
import type { Finding, Rule, RuleDoc } from '../types';
import { finding } from '../util';

const doc: RuleDoc = {
  code: 'syntax',
  severity: 'error',
  description: 'The file must parse: JSON (comments and trailing commas tolerated here, see strict-json), TOML or YAML, with an object at the top.',
};

const MAX = 20;

export const syntaxRule: Rule = {
  doc,
  check(ctx) {
    const out: Finding[] = [];
    const where = (o: number) => `line ${ctx.lines.positionAt(o).line + 1}`;
    if (!ctx.text.trim()) {
      const what = ctx.format.syntax === 'toml' ? 'a TOML document' : ctx.format.syntax === 'yaml' ? 'a YAML mapping' : 'a JSON object';
      return [finding(ctx, doc, ctx.lines.range(0, ctx.text.length), `The file is empty: expected ${what} with "${ctx.format.topLevelKey}".`)];
    }
    if (ctx.syntaxError) {
      return [finding(ctx, doc, ctx.syntaxError.range, `${ctx.format.syntax.toUpperCase()} syntax error at ${where(ctx.syntaxError.range.offset)}: ${ctx.syntaxError.message}. The client cannot read this file until it is fixed.`)];
    }
    for (const e of ctx.parseErrors.slice(0, MAX)) {
      out.push(finding(ctx, doc, ctx.lines.range(e.offset, Math.max(1, e.length)), `JSON syntax error at ${where(e.offset)}: ${describeParseError(e)}. The client cannot read this file until it is fixed.`));
    }
    const root = ctx.data;
    if (root !== undefined && (typeof root !== 'object' || root === null || Array.isArray(root)) && !out.length) {
      const kind = Array.isArray(root) ? 'an array' : root === null ? 'null' : typeof root;
      out.push(finding(ctx, doc, ctx.locate([]), `The top level is ${kind}: expected an object with "${ctx.format.topLevelKey}".`));
    }
    return out;
  },
};
