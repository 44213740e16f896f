/**
 * Servers' requests to the client, by `--elicit` mode: `ask` answers on the terminal (and
 * samples there), `defaults` accepts every form with the schema's defaults — the client declares
 * `elicitation.form.applyDefaults`, so the SDK fills each field's `default` (SEP-1034) — and
 * declines URL-mode requests; `decline` declares no elicitation at all (the server cannot ask).
 */
import type { ClientRequestHandlers } from '../core/connection';
import type { ServerDefinition } from '../core/config/model';
import type { Io } from './io';
import { terminalRequestHandlers } from './serverRequests';
import type { ElicitMode } from './sessionOptions';

export function requestHandlers(mode: ElicitMode, io: Io): ((server: ServerDefinition) => ClientRequestHandlers) | undefined {
  const terminal = io.terminal ? terminalRequestHandlers(io.terminal) : undefined;
  if (mode === 'ask') return terminal;
  if (mode === 'decline') return terminal && ((server) => ({ sample: terminal(server).sample }));
  return (server) => ({
    ...(terminal && { sample: terminal(server).sample }),
    applyElicitationDefaults: true,
    elicit: async (params) => (params.mode === 'url' ? { action: 'decline' } : { action: 'accept', content: {} }),
  });
}
