import { insertArrayItem, setPath } from '../edits';
import { isObject } from '../servers';
import { serverTypos } from '../typos';
import type { Finding, Rule, RuleDoc } from '../types';
import { finding, fix } from '../util';

const doc: RuleDoc = {
  code: 'npx-yes',
  severity: 'warning',
  description: '"npx" without "-y": when the package is not installed yet, npx asks "Ok to proceed? (y)" on stdin, which is the MCP channel, so the server hangs until it times out.',
  fix: 'Insert "-y" as the first argument.',
};

export const npxYesRule: Rule = {
  doc,
  check(ctx) {
    const out: Finding[] = [];
    for (const s of ctx.servers) {
      if (!isObject(s.value)) continue;
      // OpenCode: `command` is one array, the program then its arguments
      const inline = Array.isArray(s.value.command);
      const program = inline ? (s.value.command as unknown[])[0] : s.value.command;
      if (typeof program !== 'string') continue;
      const base = program.split(/[\\/]/).pop() ?? '';
      if (!/^npx(\.cmd|\.exe)?$/i.test(base)) continue;
      if (inline) {
        const items = s.value.command as unknown[];
        if (items.slice(1).some((a) => a === '-y' || a === '--yes' || a === '--yes=true')) continue;
        out.push(finding(ctx, doc, ctx.locate([...s.path, 'command', 0]), `Server "${s.name}" runs npx without "-y": if the package is not cached, npx waits for a "y" on stdin (the MCP channel) and the server never starts. Add "-y" before the package name.`, {
          fixes: [fix('Add "-y"', insertArrayItem(ctx, [...s.path, 'command'], 1, '-y'))],
        }));
        continue;
      }
      const args = s.value.args;
      const list = Array.isArray(args) ? args : [];
      if (list.some((a) => a === '-y' || a === '--yes' || a === '--yes=true')) continue;
      if (args !== undefined && !Array.isArray(args)) continue; // value-type reports it
      if (args === undefined && serverTypos(ctx, s).has('args')) continue; // unknown-field: "arg" → "args"
      const edits = Array.isArray(args) ? insertArrayItem(ctx, [...s.path, 'args'], 0, '-y') : setPath(ctx, [...s.path, 'args'], ['-y']);
      out.push(finding(ctx, doc, ctx.locate([...s.path, 'command']), `Server "${s.name}" runs npx without "-y": if the package is not cached, npx waits for a "y" on stdin (the MCP channel) and the server never starts. Add "-y" before the package name.`, {
        fixes: [fix('Add "-y"', edits)],
      }));
    }
    return out;
  },
};
