/**
 * `mcp-devtools read <server> <uri>`: `resources/read` (spec 2024-11-05) through the call pipeline
 * (`callVerb.ts`). The URI may be a resource template (RFC 6570, `demo://item/{id}`): its variables
 * come from `--args` or are asked on a terminal. Text contents print exactly as sent (stdout is the
 * data, never cut), binary contents as a one-line summary (`--json`: the raw result with the
 * base64 blob).
 */
import { resourceContentsText } from '../core/results/resourceContents';
import { callVerb } from './callVerb';
import { DEFAULT_TIMEOUT_SECONDS } from './options';

export const readCommand = callVerb('read', 'resourceTemplate', {
  summary: 'start one configured server (or a server URL, or the command line after --) and print one of its resources (a URI template\'s variables from --args, or asked on a terminal)',
  target: { name: 'uri', help: 'the resource\'s URI, or a resource template such as demo://item/{id}' },
  timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
  text: (o) => resourceContentsText(o.rendered, { asSent: true, binaryHint: 'use --json for the base64 data' }),
  limitBytes: Number.POSITIVE_INFINITY,
});
