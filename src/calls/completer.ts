import { parsePointer } from '../core/forms';
import type { CallsContext } from './callsContext';

/**
 * Suggestions for a prompt argument or a resource template variable from the server's
 * `completion/complete` (spec 2025-03-26, completions capability), with the arguments answered
 * so far as context (2025-06-18). Failures give no suggestions, never an error.
 */
export function completer(ctx: CallsContext, serverId: string, ref: { type: 'ref/prompt'; name: string } | { type: 'ref/resource'; uri: string }): (pointer: string, text: string) => Promise<string[]> {
  return async (pointer, text) => {
    const [name] = parsePointer(pointer);
    if (!name) return [];
    const r = await ctx.live.registry.client(serverId).complete({ ref, argument: { name, value: text } }, { timeout: 5000 });
    return r.completion.values.slice(0, 100);
  };
}
