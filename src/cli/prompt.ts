/**
 * `mcp-devtools prompt <server> <name>`: gets one prompt of a configured server (`prompts/get`,
 * spec 2024-11-05) with its arguments filled through the form planner, and prints its messages
 * by role.
 *
 * Exit codes: 0 printed; 1 the server or the request failed; 2 usage error or invalid arguments.
 */
import { planForm, promptArgumentsSchema } from '../core/forms';
import { renderPromptResult, renderTerminal } from '../core/results';
import { callOptions, fillArguments, givenArguments } from './callArgs';
import { defineCommand } from './io';
import { configChoice, SERVER_ARGUMENT, timeoutMs } from './options';
import { findNamed, promptsOf, withServer } from './session';
import { sessionFlags } from './sessionOptions';

export const promptCommand = defineCommand({
  name: 'prompt',
  summary: 'get one prompt of a configured server and print its messages (asks for missing required arguments on a terminal)',
  positionals: [SERVER_ARGUMENT, { name: 'name', help: 'the prompt\'s name (`mcp-devtools list <server>` lists them)' }],
  options: callOptions('the prompt\'s'),
  failure: 'the request failed, or the server failed to start',
  async run(values, [serverName, promptName], io) {
    const given = await givenArguments(values, io);
    const ms = timeoutMs(values.timeout);
    return withServer(io, 'prompt', serverName, { timeoutMs: ms, choice: configChoice(values), flags: sessionFlags(values, io) }, async (server) => {
      const prompt = findNamed(promptsOf(server.snapshot), promptName, 'prompt', server, 'prompts');
      const plan = planForm(promptArgumentsSchema(prompt.arguments), prompt.name);
      const filled = await fillArguments(plan, given, { validate: !values['no-validate'], streams: io.terminal });
      if ('error' in filled) {
        io.err(`mcp-devtools prompt: ${prompt.name}: ${filled.error}`);
        return 2;
      }
      // prompts/get takes string values only (spec 2024-11-05).
      const args = Object.fromEntries(Object.entries(filled.args).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
      const started = performance.now();
      let result;
      try {
        result = await server.registry.getPrompt(server.id, prompt.name, args, { timeout: ms });
      } catch (e) {
        io.err(`mcp-devtools prompt: getting ${prompt.name} from "${serverName}" failed: ${server.registry.redact(server.id, (e as Error).message)}`);
        return 1;
      }
      io.out(values.json ? JSON.stringify(result, null, 2) : renderTerminal(renderPromptResult(result, { durationMs: performance.now() - started })));
      return 0;
    });
  },
});
