import { setPath } from '../edits';
import { declaredInputs, inputRefs } from '../inputs';
import type { Finding, Rule, RuleDoc } from '../types';
import { finding, fix } from '../util';

const doc: RuleDoc = {
  code: 'input-unused',
  severity: 'warning',
  description: 'An entry of "inputs" that no server references with "${input:id}" (VS Code): probably a typo in the id or a leftover.',
  fix: 'Remove the input.',
};

export const inputUnusedRule: Rule = {
  doc,
  check(ctx) {
    if (ctx.format.client !== 'vscode') return [];
    const used = new Set(inputRefs(ctx).map((r) => r.id));
    const out: Finding[] = [];
    for (const input of declaredInputs(ctx)) {
      if (used.has(input.id)) continue;
      out.push(finding(ctx, doc, ctx.locate([...input.path, 'id']), `Input "${input.id}" is not used: no server refers to "\${input:${input.id}}". Reference it or remove it.`, {
        fixes: [fix(`Remove input "${input.id}"`, setPath(ctx, input.path, undefined))],
      }));
    }
    return out;
  },
};
