/**
 * Tool names: unique within a server, and 1–128 characters of `A–Z a–z 0–9 _ - .`.
 *
 * Source: MCP spec 2025-11-25, Server features › Tools › "Tool names" (SHOULD be 1–128 characters,
 * case-sensitive, only ASCII letters, digits, underscore, hyphen and dot; SHOULD be unique within a
 * server). Reported as errors: clients key tools by name and several reject other names outright.
 */
import { isRecord, nameOf, type Check, type Finding } from '../finding';

/** The spec's tool-name alphabet and length (2025-11-25). */
export const TOOL_NAME = /^[A-Za-z0-9_.-]{1,128}$/;

export const toolNames: Check = {
  ids: ['tool-name-duplicate', 'tool-name-format'],
  run({ tools }) {
    const out: Finding[] = [];
    const seen = new Map<string, number>();
    for (const t of tools) {
      const name = isRecord(t) ? t.name : undefined;
      if (typeof name !== 'string') {
        out.push({ id: 'tool-name-format', severity: 'error', item: { kind: 'tool', name: nameOf(t) }, reason: 'the tool has no name (a string is required)' });
        continue;
      }
      seen.set(name, (seen.get(name) ?? 0) + 1);
      if (!TOOL_NAME.test(name)) {
        const why = name.length === 0 ? 'is empty' : name.length > 128 ? `is ${name.length} characters long (at most 128)` : `has characters outside A–Z a–z 0–9 _ - . (${JSON.stringify([...new Set(name.replace(/[A-Za-z0-9_.-]/g, ''))].join(''))})`;
        out.push({ id: 'tool-name-format', severity: 'error', item: { kind: 'tool', name }, reason: `the name ${why}; clients may reject or rename the tool (spec 2025-11-25, tool names)` });
      }
    }
    for (const [name, n] of seen) {
      if (n > 1) out.push({ id: 'tool-name-duplicate', severity: 'error', item: { kind: 'tool', name }, reason: `${n} tools have this name; a client can call only one of them (names must be unique within a server)` });
    }
    return out;
  },
};
