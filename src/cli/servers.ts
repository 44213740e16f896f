import { CLIENT_LABELS, transportLabel, transportSummary } from '../core/config/model';
import { loadConfigs } from './configs';
import { defineCommand } from './io';
import { CONFIG_OPTIONS, configChoice, JSON_OPTION } from './options';

export const serversCommand = defineCommand({
  name: 'servers',
  summary: 'list the MCP servers configured for the nearest folder with MCP config files (from the current folder up), and the file each comes from',
  positionals: [],
  options: { ...JSON_OPTION, ...CONFIG_OPTIONS },
  failure: 'a config file could not be read or parsed',
  async run(values, _positionals, io) {
    const loaded = await loadConfigs(io, configChoice(values));
    const files = loaded.files;
    if (values.json) {
      io.out(JSON.stringify(files.map((f) => ({
        path: f.path, client: f.client, scope: f.scope, format: f.format, error: f.error?.message,
        servers: f.servers.map((s) => ({ name: s.name, transport: transportLabel(s.transport), target: transportSummary(s.transport), line: s.range.start.line + 1, disabled: s.options.disabled ?? false })),
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
      for (const s of f.servers) io.out(`  ${s.name}  ${transportLabel(s.transport)}${s.options.disabled ? ' (disabled)' : ''}  ${transportSummary(s.transport)}`);
    }
    return files.some((f) => f.error) ? 1 : 0;
  },
});
