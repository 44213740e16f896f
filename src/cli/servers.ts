import { CLIENT_LABELS, transportLabel, transportSummary } from '../core/config/model';
import { copyLabel, sameServers, type SameServers } from '../core/config/sameServer';
import { loadConfigs } from './configs';
import { defineCommand } from './io';
import { CONFIG_OPTIONS, configChoice, JSON_OPTION } from './options';

/**
 * What `servers` says of a server defined in other files too (`core/config/sameServer.ts`): the
 * other copies and the fields that differ, and the entry of its client that wins over it.
 */
function copiesNote(same: SameServers, id: string): { copies?: string[]; drift?: string[]; shadowedBy?: string; reason?: string } {
  const hit = same.byId.get(id);
  if (!hit) return {};
  const others = hit.identity.copies.filter((c) => c !== hit.copy);
  return {
    ...(others.length ? { copies: others.map((c) => c.def.id), drift: hit.identity.drift } : {}),
    ...(hit.copy.shadowedBy ? { shadowedBy: hit.copy.shadowedBy.id, reason: hit.copy.shadowedBy.reason } : {}),
  };
}

export const serversCommand = defineCommand({
  name: 'servers',
  summary: 'list the MCP servers configured for the nearest folder with MCP config files (from the current folder up), and the file each comes from',
  positionals: [],
  options: { ...JSON_OPTION, ...CONFIG_OPTIONS },
  failure: 'a config file could not be read or parsed',
  async run(values, _positionals, io) {
    const loaded = await loadConfigs(io, configChoice(values));
    const files = loaded.files;
    const same = sameServers(files);
    if (values.json) {
      io.out(JSON.stringify(files.map((f) => ({
        path: f.path, client: f.client, scope: f.scope, format: f.format, error: f.error?.message,
        servers: f.servers.map((s) => ({ name: s.name, transport: transportLabel(s.transport), target: transportSummary(s.transport), line: s.range.start.line + 1, disabled: s.options.disabled ?? false, ...copiesNote(same, s.id) })),
      })), null, 2));
      return 0;
    }
    if (!files.length) {
      io.out(`No MCP config files found ${loaded.describe()}.`);
      return 0;
    }
    for (const f of files) {
      io.out(`${f.path} (${CLIENT_LABELS[f.client]}, ${f.workspaceFolder ? 'local' : f.scope})`);
      if (f.error) io.out(`  error: ${f.error.message}`);
      for (const s of f.servers) {
        io.out(`  ${s.name}  ${transportLabel(s.transport)}${s.options.disabled ? ' (disabled)' : ''}  ${transportSummary(s.transport)}`);
        const hit = same.byId.get(s.id);
        const others = hit?.identity.copies.filter((c) => c !== hit.copy) ?? [];
        if (hit && others.length) io.out(`    also in ${others.map((c) => `${copyLabel(c)}${c.def.name !== s.name ? ` as "${c.def.name}"` : ''}`).join(', ')}: ${hit.identity.drift.length ? `drift in ${hit.identity.drift.join(', ')}` : 'alike'}`);
        if (hit?.copy.shadowedBy) io.out(`    shadowed: ${hit.copy.shadowedBy.reason}`);
      }
    }
    return files.some((f) => f.error) ? 1 : 0;
  },
});
