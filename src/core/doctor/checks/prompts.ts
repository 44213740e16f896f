/**
 * Prompts: unique names, and arguments with unique string names and boolean `required` flags.
 *
 * Source: MCP spec 2025-11-25, Server features › Prompts (`Prompt.name`, `PromptArgument`:
 * `name: string`, `required?: boolean`).
 */
import { isRecord, nameOf, type Check, type Finding } from '../finding';

export const prompts: Check = {
  ids: ['prompt-name-duplicate', 'prompt-argument-invalid', 'prompt-argument-duplicate'],
  run({ prompts: list }) {
    const out: Finding[] = [];
    const seen = new Set<string>();
    for (const p of list) {
      const name = nameOf(p);
      const item = { kind: 'prompt' as const, name };
      if (seen.has(name)) out.push({ id: 'prompt-name-duplicate', severity: 'error', item, reason: 'two prompts have this name; a client can get only one of them' });
      seen.add(name);
      const args = isRecord(p) ? p.arguments : undefined;
      if (args === undefined) continue;
      if (!Array.isArray(args)) {
        out.push({ id: 'prompt-argument-invalid', severity: 'error', item, reason: 'arguments is not an array' });
        continue;
      }
      const names = new Set<string>();
      for (const a of args) {
        const an = isRecord(a) ? a.name : undefined;
        if (typeof an !== 'string' || !an) {
          out.push({ id: 'prompt-argument-invalid', severity: 'error', item, reason: `an argument has no name (${JSON.stringify(an) ?? 'absent'})` });
          continue;
        }
        if (names.has(an)) out.push({ id: 'prompt-argument-duplicate', severity: 'error', item, reason: `the argument "${an}" is declared twice` });
        names.add(an);
        const req = (a as Record<string, unknown>).required;
        if (req !== undefined && typeof req !== 'boolean') out.push({ id: 'prompt-argument-invalid', severity: 'error', item, reason: `the argument "${an}" has required ${JSON.stringify(req)}, not a boolean` });
      }
    }
    return out;
  },
};
