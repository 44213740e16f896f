import { discoverConfigs } from '../core/config/discovery';
import { CLIENT_LABELS, transportLabel, transportSummary } from '../core/config/model';
import { UsageError, type CliCommand } from './io';

export const serversCommand: CliCommand = {
  name: 'servers',
  usage: 'mcp-devtools servers [--user] [--json]',
  description: 'list the MCP servers configured for the current folder (--user adds the user-scope configs of every client), and the file each comes from',
  async run(args, io) {
    const json = args.includes('--json');
    const user = args.includes('--user');
    const unknown = args.filter((a) => a !== '--json' && a !== '--user');
    if (unknown.length) throw new UsageError(`unexpected argument "${unknown[0]}"`);
    const files = await discoverConfigs({ folders: [io.cwd], includeUser: user });
    if (json) {
      io.out(JSON.stringify(files.map((f) => ({
        path: f.path, client: f.client, scope: f.scope, format: f.format, error: f.error?.message,
        servers: f.servers.map((s) => ({ name: s.name, transport: transportLabel(s.transport), target: transportSummary(s.transport), line: s.range.start.line + 1, disabled: s.options.disabled ?? false })),
      })), null, 2));
      return 0;
    }
    if (!files.length) {
      io.out(`No MCP config files found for ${io.cwd}${user ? ' or the user' : ' (--user also looks at every client\'s user-scope config)'}.`);
      return 0;
    }
    for (const f of files) {
      io.out(`${f.path} (${CLIENT_LABELS[f.client]}, ${f.workspaceFolder ? 'local' : f.scope})`);
      if (f.error) io.out(`  error: ${f.error.message}`);
      for (const s of f.servers) io.out(`  ${s.name}  ${transportLabel(s.transport)}${s.options.disabled ? ' (disabled)' : ''}  ${transportSummary(s.transport)}`);
    }
    return files.some((f) => f.error) ? 1 : 0;
  },
};
