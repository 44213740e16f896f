import type { Node } from 'jsonc-parser';
import type { DocPath, Finding, Rule, RuleDoc } from '../types';
import { finding, showPath } from '../util';

const doc: RuleDoc = {
  code: 'duplicate-key',
  severity: 'warning',
  description: 'The same key twice in one object: JSON parsers keep the last one, so the earlier definition is silently ignored.',
};

export const duplicateKeyRule: Rule = {
  doc,
  check(ctx) {
    if (!ctx.tree) return []; // TOML and YAML parsers report duplicates as syntax errors
    const out: Finding[] = [];
    // one walk over the parse tree (no second scan of the text)
    const walk = (node: Node, path: DocPath) => {
      if (node.type === 'object') {
        const seen = new Map<string, Node>();
        for (const prop of node.children ?? []) {
          const [k, v] = prop.children ?? [];
          if (!k) continue;
          const key = String(k.value);
          const first = seen.get(key);
          if (first) {
            out.push(finding(ctx, doc, ctx.lines.range(k.offset, k.length), `Duplicate key "${key}" (${showPath([...path, key])}): the value here replaces the one at line ${ctx.lines.positionAt(first.offset).line + 1}, which is ignored. Rename or remove one of them.`));
          } else seen.set(key, k);
          if (v && (v.type === 'object' || v.type === 'array')) walk(v, [...path, key]);
        }
      } else if (node.type === 'array') {
        (node.children ?? []).forEach((c, i) => (c.type === 'object' || c.type === 'array') && walk(c, [...path, i]));
      }
    };
    walk(ctx.tree, []);
    return out;
  },
};
