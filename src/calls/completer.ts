import { parsePointer } from '../core/forms/pointer';
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
    return ctx.live.complete(serverId, ref, { name, value: text });
  };
}
