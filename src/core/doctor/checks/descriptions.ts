/**
 * Descriptions present: the model chooses a tool by its description, so a tool without one is
 * picked blindly (MCP spec 2025-11-25, Tool `description`: "a human-readable description of
 * functionality"; good practice of every client's tool-use guide).
 */
import { isRecord, nameOf, type Check, type Finding } from '../finding';

export const descriptions: Check = {
  ids: ['description-missing'],
  run({ tools }) {
    const out: Finding[] = [];
    for (const t of tools) {
      if (!isRecord(t)) continue;
      const d = t.description;
      if (typeof d !== 'string' || !d.trim()) out.push({ id: 'description-missing', severity: 'warning', item: { kind: 'tool', name: nameOf(t) }, reason: 'the tool has no description: the model cannot tell when to use it' });
    }
    return out;
  },
};
