/**
 * `mcp-devtools prompt <server> <name> [--args JSON | --args-file F] [--json] [--timeout <s>]`:
 * gets one prompt of a configured server (`prompts/get`, spec 2024-11-05) with its arguments
 * filled through the form planner, and prints its messages by role.
 *
 * Exit codes: 0 printed; 1 the server or the request failed; 2 usage error or invalid arguments.
 */
import { planForm, promptArgumentsSchema } from '../core/forms';
import { renderPromptResult, renderTerminal } from '../core/results';
import { fillArguments, parseCallOptions } from './callArgs';
import { connectNamed, findNamed, promptsOf } from './connectNamed';
import { UsageError, type CliCommand } from './io';
import { CONFIG_USAGE } from './options';

export const promptCommand: CliCommand = {
  name: 'prompt',
  usage: `mcp-devtools prompt <server> <name> [--args JSON | --args-file F] [--json] [--timeout <seconds>] ${CONFIG_USAGE}`,
  description: 'get one prompt of a configured server and print its messages (asks for missing required arguments on a terminal)',
  async run(argv, io) {
    const o = await parseCallOptions(argv, io, 2);
    if (o.names.length < 2) throw new UsageError('needs a server name and a prompt name');
    const [serverName, promptName] = o.names;
    const server = await connectNamed(io, 'prompt', serverName, o.timeoutMs, o.choice);
    if (!server) return 1;
    try {
      const prompt = findNamed(promptsOf(server.snapshot), promptName, 'prompt', server, 'prompts');
      const plan = planForm(promptArgumentsSchema(prompt.arguments), prompt.name);
      const filled = await fillArguments(plan, o.args, { validate: o.validate, streams: io.terminal });
      if ('error' in filled) {
        io.err(`mcp-devtools prompt: ${prompt.name}: ${filled.error}`);
        return 2;
      }
      // prompts/get takes string values only (spec 2024-11-05).
      const args = Object.fromEntries(Object.entries(filled.args).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
      const started = performance.now();
      let result;
      try {
        result = await server.registry.getPrompt(server.id, prompt.name, args, { timeout: o.timeoutMs });
      } catch (e) {
        io.err(`mcp-devtools prompt: getting ${prompt.name} from "${serverName}" failed: ${server.registry.redact(server.id, (e as Error).message)}`);
        return 1;
      }
      io.out(o.json ? JSON.stringify(result, null, 2) : renderTerminal(renderPromptResult(result, { durationMs: performance.now() - started })));
      return 0;
    } finally {
      await server.dispose();
    }
  },
};
