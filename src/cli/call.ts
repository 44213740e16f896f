/**
 * `mcp-devtools call <server> <tool>`: starts one configured server, fills the tool's arguments
 * (asking for missing required fields on a terminal, through the same form planner as the
 * extension), validates them against the tool's `inputSchema` with Ajv, calls the tool
 * (`tools/call`, spec 2024-11-05) and prints the rendered result (`--json`: the raw result).
 *
 * Exit codes: 0 the tool succeeded; 1 the result has `isError`, the call failed, or the server
 * failed; 2 usage error or invalid arguments.
 */
import { planForm } from '../core/forms';
import { renderTerminal, renderToolResult } from '../core/results';
import { callOptions, fillArguments, givenArguments } from './callArgs';
import { defineCommand } from './io';
import { configChoice, SERVER_ARGUMENT, timeoutMs } from './options';
import { findNamed, toolsOf, withServer } from './session';
import { sessionFlags } from './sessionOptions';

export const callCommand = defineCommand({
  name: 'call',
  summary: 'call one tool of a configured server and print its result (asks for missing required arguments on a terminal)',
  positionals: [SERVER_ARGUMENT, { name: 'tool', help: 'the tool\'s name (`mcp-devtools list <server>` lists them)' }],
  options: callOptions('the tool\'s'),
  failure: 'the result has isError, the call failed, or the server failed to start',
  async run(values, [serverName, toolName], io) {
    const given = await givenArguments(values, io);
    const ms = timeoutMs(values.timeout);
    return withServer(io, 'call', serverName, { timeoutMs: ms, choice: configChoice(values), flags: sessionFlags(values, io) }, async (server) => {
      const tool = findNamed(toolsOf(server.snapshot), toolName, 'tool', server, 'tools');
      const plan = planForm(tool.inputSchema, tool.name);
      const filled = await fillArguments(plan, given, { validate: !values['no-validate'], streams: io.terminal });
      if ('error' in filled) {
        io.err(`mcp-devtools call: ${tool.name}: ${filled.error}`);
        return 2;
      }
      const started = performance.now();
      let result;
      try {
        result = await server.registry.callTool(server.id, tool.name, filled.args, { timeout: ms, resetTimeoutOnProgress: true });
      } catch (e) {
        io.err(`mcp-devtools call: calling ${tool.name} on "${serverName}" failed: ${server.registry.redact(server.id, (e as Error).message)}`);
        return 1;
      }
      const durationMs = performance.now() - started;
      const rendered = renderToolResult(result, { outputSchema: tool.outputSchema, durationMs });
      io.out(values.json ? JSON.stringify(result, null, 2) : renderTerminal(rendered));
      return rendered.isError ? 1 : 0;
    });
  },
});
