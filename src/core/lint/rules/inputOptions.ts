import { replaceValue } from '../edits';
import { pickStringsWithoutOptions } from '../inputs';
import type { Finding, Rule, RuleDoc } from '../types';
import { finding, fix } from '../util';

const doc: RuleDoc = {
  code: 'input-options',
  severity: 'error',
  description: 'A "pickString" input (VS Code) with no "options", "options" that is not an array, or an empty one: VS Code refuses to resolve it (or offers nothing to pick), so a server that references it does not start.',
  fix: 'Make it a "promptString" (free text).',
  source: "VS Code: baseConfigurationResolverService.ts, case 'pickString' (\"must include 'options' of type 'string[]'\"); configurationResolverSchema.ts (a pickString input requires options).",
};

export const inputOptionsRule: Rule = {
  doc,
  check(ctx) {
    if (ctx.format.client !== 'vscode') return [];
    const out: Finding[] = [];
    for (const input of pickStringsWithoutOptions(ctx)) {
      const what = input.problem === 'missing' ? 'has no "options"' : input.problem === 'empty' ? 'has an empty "options" list' : 'has "options" that is not an array';
      const range = input.problem === 'missing' ? ctx.locate([...input.path, 'type']) : ctx.locate([...input.path, 'options'], 'key');
      out.push(finding(ctx, doc, range, `Input "${input.id}" is a "pickString" but ${what}: VS Code has nothing to offer and the server that uses it cannot start. Add "options": ["first choice", "second choice"], or make it a "promptString".`, {
        fixes: [fix('Make it a "promptString"', replaceValue(ctx, [...input.path, 'type'], 'promptString'))],
      }));
    }
    return out;
  },
};
