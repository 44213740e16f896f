/**
 * `mcp-devtools read <server> <uri>`: starts one configured server and prints a resource
 * (`resources/read`, spec 2024-11-05): text contents as they are, binary contents as a one-line
 * summary (use `--json` for the base64 blob).
 *
 * Exit codes: 0 read; 1 the server failed or the read failed (reason on stderr); 2 usage error.
 */
import { defineCommand } from './io';
import { CONFIG_OPTIONS, configChoice, DEFAULT_TIMEOUT_SECONDS, JSON_OPTION, SERVER_ARGUMENT, timeoutMs, timeoutOption } from './options';
import { withServer } from './session';
import { SESSION_OPTIONS, sessionFlags } from './sessionOptions';

export const readCommand = defineCommand({
  name: 'read',
  summary: 'start one configured server and print one of its resources',
  positionals: [SERVER_ARGUMENT, { name: 'uri', help: 'the resource\'s URI' }],
  options: { ...JSON_OPTION, ...timeoutOption(DEFAULT_TIMEOUT_SECONDS), ...CONFIG_OPTIONS, ...SESSION_OPTIONS },
  failure: 'the server failed to start or the read failed',
  async run(values, [name, uri], io) {
    const ms = timeoutMs(values.timeout);
    return withServer(io, 'read', name, { timeoutMs: ms, choice: configChoice(values), flags: sessionFlags(values, io) }, async ({ registry, id }) => {
      let result;
      try {
        result = await registry.readResource(id, uri, { timeout: ms });
      } catch (e) {
        io.err(`mcp-devtools read: reading ${uri} from "${name}" failed: ${registry.redact(id, (e as Error).message)}`);
        return 1;
      }
      if (values.json) {
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
    });
  },
});
