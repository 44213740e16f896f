import { isCredentialName } from '../../secrets';
import { addInputEdits, declaredInputs, inputRefs } from '../inputs';
import type { Finding, Rule, RuleDoc } from '../types';
import { finding, fix, showPath, substringRange } from '../util';

const doc: RuleDoc = {
  code: 'input-undefined',
  severity: 'error',
  description: 'A "${input:id}" with no entry of that id in "inputs" (VS Code): the server cannot start because VS Code has nothing to prompt for.',
  fix: 'Add a promptString input with that id to "inputs" (password: true when the name looks like a secret).',
  source: 'VS Code docs, "MCP servers: input variables".',
};

export const inputUndefinedRule: Rule = {
  doc,
  check(ctx) {
    if (ctx.format.client !== 'vscode') return [];
    const declared = new Set(declaredInputs(ctx).map((i) => i.id));
    const out: Finding[] = [];
    for (const ref of inputRefs(ctx)) {
      if (declared.has(ref.id)) continue;
      const range = substringRange(ctx, ref.path, ref.value, ref.index, ref.length);
      // every reference offers the fix (the editor applies one, then re-lints)
      const edits = addInputEdits(ctx, { id: ref.id, description: `Value for ${ref.id}`, password: isCredentialName(ref.id) || isCredentialName(String(ref.path[ref.path.length - 1])) });
      out.push(finding(ctx, doc, range, `"\${input:${ref.id}}" in ${showPath(ref.path)} refers to an input that is not defined: add { "id": "${ref.id}", "type": "promptString" } to "inputs".`, {
        fixes: [fix(`Add input "${ref.id}" to "inputs"`, edits)],
      }));
    }
    return out;
  },
};
