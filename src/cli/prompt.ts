/**
 * `mcp-devtools prompt <server> <name>`: `prompts/get` (spec 2024-11-05) through the call pipeline
 * (`callVerb.ts`), and its messages printed by role (`--json`: the raw result).
 */
import { renderTerminal } from '../core/results/terminal';
import { callVerb } from './callVerb';

export const promptCommand = callVerb('prompt', 'prompt', {
  summary: 'get one prompt of a configured server (or of a server URL, or of the command line after --) and print its messages (asks for missing required arguments on a terminal)',
  target: { name: 'name', help: 'the prompt\'s name (`mcp-devtools list <server>` lists them)' },
  text: (o) => renderTerminal(o.rendered),
});
