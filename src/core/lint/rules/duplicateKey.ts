import { getNodePath, type Node } from 'jsonc-parser';
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
    if (!ctx.tree) return []; // TOML and YAML parsers report duplicates as syntax errors
    const out: Finding[] = [];
    // one walk over the parse tree (no second scan of the text); paths only for duplicates
    const walk = (node: Node) => {
      const children = node.children ?? [];
      if (node.type === 'object') {
        const seen = children.length > 1 ? new Map<string, Node>() : undefined;
        for (const prop of children) {
          const k = prop.children?.[0];
          const v = prop.children?.[1];
          if (!k) continue;
          const key = String(k.value);
          const first = seen?.get(key);
          if (first) {
            const where = showPath([...getNodePath(node), key]);
            out.push(finding(ctx, doc, ctx.lines.range(k.offset, k.length), `Duplicate key "${key}" (${where}): the value here replaces the one at line ${ctx.lines.positionAt(first.offset).line + 1}, which is ignored. Rename or remove one of them.`));
          } else seen?.set(key, k);
          if (v && (v.type === 'object' || v.type === 'array')) walk(v);
        }
      } else {
        for (const c of children) if (c.type === 'object' || c.type === 'array') walk(c);
      }
    };
    walk(ctx.tree);
    return out;
  },
};
