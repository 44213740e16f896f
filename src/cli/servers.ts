import { discoverWorkspaceConfigs } from '../core/config/discovery';
import { CLIENT_LABELS, transportLabel, transportSummary } from '../core/config/model';
import { UsageError, type CliCommand } from './io';

export const serversCommand: CliCommand = {
  name: 'servers',
  usage: 'mcp-devtools servers [--json]',
  description: 'list the MCP servers configured for the current folder, and the file each comes from',
  async run(args, io) {
    const json = args.includes('--json');
    const unknown = args.filter((a) => a !== '--json');
    if (unknown.length) throw new UsageError(`unexpected argument "${unknown[0]}"`);
    const files = await discoverWorkspaceConfigs([io.cwd]);
    if (json) {
      io.out(JSON.stringify(files.map((f) => ({
        path: f.path, client: f.client, scope: f.scope, error: f.error?.message,
        servers: f.servers.map((s) => ({ name: s.name, transport: transportLabel(s.transport), target: transportSummary(s.transport), line: s.range.start.line + 1 })),
      })), null, 2));
      return 0;
    }
    if (!files.length) {
      io.out('No MCP config files found (looked for .vscode/mcp.json and .mcp.json).');
      return 0;
    }
    for (const f of files) {
      io.out(`${f.path} (${CLIENT_LABELS[f.client]})`);
      if (f.error) io.out(`  error: ${f.error.message}`);
      for (const s of f.servers) io.out(`  ${s.name}  ${transportLabel(s.transport)}  ${transportSummary(s.transport)}`);
    }
    return files.some((f) => f.error) ? 1 : 0;
  },
};
