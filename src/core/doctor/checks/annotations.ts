/**
 * Tool annotations: hints of the right type, and not contradicting each other.
 *
 * Source: MCP spec 2025-11-25, Server features › Tools › ToolAnnotations (`readOnlyHint`,
 * `destructiveHint`, `idempotentHint`, `openWorldHint` are booleans; `destructiveHint` and
 * `idempotentHint` are "meaningful only when readOnlyHint == false").
 */
import { isRecord, nameOf, type Check, type Finding } from '../finding';

const HINTS = ['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint'] as const;

export const annotations: Check = {
  ids: ['annotations-type', 'annotations-contradictory'],
  run({ tools }) {
    const out: Finding[] = [];
    for (const t of tools) {
      if (!isRecord(t) || t.annotations === undefined) continue;
      const item = { kind: 'tool' as const, name: nameOf(t) };
      const a = t.annotations;
      if (!isRecord(a)) {
        out.push({ id: 'annotations-type', severity: 'error', item, reason: 'annotations is not an object' });
        continue;
      }
      for (const h of HINTS) {
        if (a[h] !== undefined && typeof a[h] !== 'boolean') out.push({ id: 'annotations-type', severity: 'error', item, reason: `annotations.${h} is ${JSON.stringify(a[h])}, not a boolean` });
      }
      if (a.readOnlyHint === true && a.destructiveHint === true) {
        out.push({ id: 'annotations-contradictory', severity: 'warning', item, reason: 'readOnlyHint and destructiveHint are both true: a read-only tool cannot be destructive (clients trust readOnlyHint)' });
      }
    }
    return out;
  },
};
