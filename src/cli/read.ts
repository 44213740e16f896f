/**
 * `mcp-devtools read <server> <uri> [--json] [--timeout <s>] [--config <file>]… [--user]`: starts one configured server and
 * prints a resource (`resources/read`, spec 2024-11-05): text contents as they are, binary
 * contents as a one-line summary (use `--json` for the base64 blob).
 *
 * Exit codes: 0 read; 1 the server failed or the read failed (reason on stderr); 2 usage error.
 */
import { UsageError, type CliCommand } from './io';
import { failures, parseOptions, workspaceRegistry } from './list';
import { CONFIG_USAGE } from './options';

export const readCommand: CliCommand = {
  name: 'read',
  usage: `mcp-devtools read <server> <uri> [--json] [--timeout <seconds>] ${CONFIG_USAGE}`,
  description: 'start one configured server and print one of its resources',
  async run(args, io) {
    const { names, json, timeoutMs, choice } = parseOptions(args, 2);
    if (names.length < 2) throw new UsageError('needs a server name and a resource URI');
    const [name, uri] = names;
    const { registry, servers, close } = await workspaceRegistry(io, [name], timeoutMs, choice);
    try {
      const id = servers[0].id;
      await registry.start(id);
      const snap = registry.get(id);
      if (!snap || snap.state.kind !== 'running') {
        io.err(`mcp-devtools read: server "${name}" failed: ${snap ? failures(snap).join('\n') : 'gone'}`);
        return 1;
      }
      let result;
      try {
        result = await registry.readResource(id, uri, { timeout: timeoutMs });
      } catch (e) {
        io.err(`mcp-devtools read: reading ${uri} from "${name}" failed: ${registry.redact(id, (e as Error).message)}`);
        return 1;
      }
      if (json) {
        io.out(JSON.stringify(result, null, 2));
        return 0;
      }
      for (const c of result.contents) {
        if ('text' in c && typeof c.text === 'string') io.out(c.text);
        else if ('blob' in c && typeof c.blob === 'string') {
          io.out(`[${c.uri}: binary, ${c.mimeType ?? 'no mimeType'}, ${Buffer.from(c.blob, 'base64').length} bytes; use --json for the base64 data]`);
        }
      }
      return 0;
    } finally {
      await close();
    }
  },
};
