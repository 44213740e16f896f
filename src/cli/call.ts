/**
 * `mcp-devtools call <server> <tool> [--args JSON | --args-file F] [--json] [--timeout <s>] [--no-validate]`:
 * starts one configured server, fills the tool's arguments (asking for missing required fields
 * on a terminal, through the same form planner as the extension), validates them against the
 * tool's `inputSchema` with Ajv, calls the tool (`tools/call`, spec 2024-11-05) and prints the
 * rendered result (`--json`: the raw result).
 *
 * Exit codes: 0 the tool succeeded; 1 the result has `isError`, the call failed, or the server
 * failed; 2 usage error or invalid arguments.
 */
import { planForm } from '../core/forms';
import { renderTerminal, renderToolResult } from '../core/results';
import { fillArguments, parseCallOptions } from './callArgs';
import { connectNamed, findNamed, toolsOf } from './connectNamed';
import { UsageError, type CliCommand } from './io';
import { CONFIG_USAGE } from './options';

export const callCommand: CliCommand = {
  name: 'call',
  usage: `mcp-devtools call <server> <tool> [--args JSON | --args-file F] [--json] [--timeout <seconds>] [--no-validate] ${CONFIG_USAGE}`,
  description: 'call one tool of a configured server and print its result (asks for missing required arguments on a terminal)',
  async run(argv, io) {
    const o = await parseCallOptions(argv, io, 2);
    if (o.names.length < 2) throw new UsageError('needs a server name and a tool name');
    const [serverName, toolName] = o.names;
    const server = await connectNamed(io, 'call', serverName, o.timeoutMs, o.choice);
    if (!server) return 1;
    try {
      const tool = findNamed(toolsOf(server.snapshot), toolName, 'tool', server, 'tools');
      const plan = planForm(tool.inputSchema, tool.name);
      const filled = await fillArguments(plan, o.args, { validate: o.validate, streams: io.terminal });
      if ('error' in filled) {
        io.err(`mcp-devtools call: ${tool.name}: ${filled.error}`);
        return 2;
      }
      const started = performance.now();
      let result;
      try {
        result = await server.registry.callTool(server.id, tool.name, filled.args, { timeout: o.timeoutMs, resetTimeoutOnProgress: true });
      } catch (e) {
        io.err(`mcp-devtools call: calling ${tool.name} on "${serverName}" failed: ${server.registry.redact(server.id, (e as Error).message)}`);
        return 1;
      }
      const durationMs = performance.now() - started;
      const rendered = renderToolResult(result, { outputSchema: tool.outputSchema, durationMs });
      io.out(o.json ? JSON.stringify(result, null, 2) : renderTerminal(rendered));
      return rendered.isError ? 1 : 0;
    } finally {
      await server.dispose();
    }
  },
};
