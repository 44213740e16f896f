/**
 * `mcp-devtools call <server> <tool>`: `tools/call` (spec 2024-11-05) through the call pipeline
 * (`callVerb.ts`), the arguments validated against the tool's `inputSchema` with Ajv, the result
 * rendered for the terminal with its `outputSchema` verdict (`--json`: the raw result).
 */
import { renderTerminal } from '../core/results/terminal';
import { callVerb } from './callVerb';

export const callCommand = callVerb('call', 'tool', {
  summary: 'call one tool of a configured server (or of a server URL, or of the command line after --) and print its result (asks for missing required arguments on a terminal)',
  target: { name: 'tool', help: 'the tool\'s name (`mcp-devtools list <server>` lists them)' },
  text: (o) => renderTerminal(o.rendered),
});
