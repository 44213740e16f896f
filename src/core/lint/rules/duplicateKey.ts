import { visit } from 'jsonc-parser';
import type { Finding, Rule, RuleDoc } from '../types';
import { finding, showPath } from '../util';

const doc: RuleDoc = {
  code: 'duplicate-key',
  severity: 'warning',
  description: 'The same key twice in one object: JSON parsers keep the last one, so the earlier definition is silently ignored.',
};

export const duplicateKeyRule: Rule = {
  doc,
  check(ctx) {
    if (!ctx.isJson) return []; // TOML and YAML parsers report duplicates as syntax errors
    const out: Finding[] = [];
    const stack: Map<string, number>[] = [];
    visit(ctx.text, {
      onObjectBegin: () => {
        stack.push(new Map());
      },
      onObjectEnd: () => {
        stack.pop();
      },
      onObjectProperty: (property, offset, length, _l, _c, pathSupplier) => {
        const seen = stack[stack.length - 1];
        if (!seen) return;
        const first = seen.get(property);
        if (first === undefined) {
          seen.set(property, offset);
          return;
        }
        const where = showPath([...pathSupplier(), property]);
        out.push(finding(ctx, doc, ctx.lines.range(offset, length), `Duplicate key "${property}" (${where}): the value here replaces the one at line ${ctx.lines.positionAt(first).line + 1}, which is ignored. Rename or remove one of them.`));
      },
    }, { allowTrailingComma: true, disallowComments: false });
    return out;
  },
};
