import { CLIENT_LABELS } from '../../config/model';
import { ASSIGNMENT, commandLineIn } from '../commandWords';
import { insertArrayItems, replaceValue, setPath, shrinkEdit } from '../edits';
import type { Finding, Rule, RuleDoc, TextEdit } from '../types';
import { finding, fix } from '../util';

const doc: RuleDoc = {
  code: 'command-line',
  severity: 'error',
  description: 'A whole command line in "command" ("npx -y some-server"): the client starts "command" as one program, without a shell, so it looks for an executable named with the spaces and fails (ENOENT). Not reported when the whole string is an existing file, or when its first word is a path that is not one (a path with spaces, such as "C:\\Program Files\\nodejs\\node.exe").',
  fix: 'Split it: the first word stays in "command", the others go first in "args".',
  source: 'The MCP TypeScript SDK\'s StdioClientTransport (client/stdio.ts), which Node-based clients use, spawns `command` with `args` and `shell: false`; the clients\' docs write the program and its arguments apart ("command": "npx", "args": ["-y", …]).',
};

export const commandLineRule: Rule = {
  doc,
  check(ctx) {
    const out: Finding[] = [];
    const client = CLIENT_LABELS[ctx.format.client];
    for (const s of ctx.servers) {
      const line = commandLineIn(ctx, s);
      if (!line) continue;
      const v = s.value as Record<string, unknown>;
      const words = line.words;
      const commandPath = [...s.path, 'command'];
      const range = ctx.locate(commandPath);
      if (!words) {
        out.push(finding(ctx, doc, range, `Server "${s.name}" has a whole command line in "command" ("${line.command}"), which ${client} runs as one program name. Put the program in "command" and each argument in "args" (its quotes do not pair up, so no fix is offered).`));
        continue;
      }
      if (ASSIGNMENT.test(words[0])) {
        out.push(finding(ctx, doc, range, `Server "${s.name}" has a shell command line in "command" ("${line.command}"): ${client} starts no shell, so "${words[0].split('=')[0]}=…" is not an environment variable here. Move it into "env", put the program in "command" and each argument in "args".`));
        continue;
      }
      const [program, ...rest] = words;
      const args = v.args;
      const argsPath = [...s.path, 'args'];
      let argsEdits: TextEdit[] | undefined;
      // setPath rewrites whole lines (the command's among them): keep only what changes
      if (args === undefined) argsEdits = setPath(ctx, argsPath, rest)?.map((e) => shrinkEdit(ctx.text, e));
      else if (Array.isArray(args)) argsEdits = args.length ? insertArrayItems(ctx, argsPath, 0, rest) : replaceValue(ctx, argsPath, rest);
      const commandEdits = replaceValue(ctx, commandPath, program);
      const edits = commandEdits && argsEdits && disjoint([...commandEdits, ...argsEdits]);
      const shown = JSON.stringify(rest);
      out.push(finding(ctx, doc, range, `Server "${s.name}" has a whole command line in "command": ${client} starts it without a shell and looks for a program named "${line.command}". Write "command": ${JSON.stringify(program)} and put ${shown} ${Array.isArray(args) && args.length ? 'first in' : 'in'} "args".`, {
        fixes: [fix(`Split into "command": ${JSON.stringify(program)} and "args"`, edits)],
      }));
    }
    return out;
  },
};

/** The edits, sorted, when no two overlap (else `undefined`: no fix rather than a broken one). */
function disjoint(edits: TextEdit[]): TextEdit[] | undefined {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset);
  for (let i = 1; i < sorted.length; i++) if (sorted[i - 1].offset + sorted[i - 1].length > sorted[i].offset) return undefined;
  return sorted;
}
