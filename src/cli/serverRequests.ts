/**
 * Servers' requests to the client, answered on a terminal: what lets the CLI declare the
 * elicitation and sampling capabilities honestly (without a terminal it declares neither, and
 * the connection declines such requests). Questions go to the prompt output (stderr), answers come
 * from stdin; one request at a time, even when several servers ask at once.
 */
import { ErrorCode, McpError, type CreateMessageRequest, type CreateMessageResult, type ElicitRequest, type ElicitResult } from '@modelcontextprotocol/sdk/types.js';
import type { ClientRequestHandlers } from '../core/connection';
import type { ServerDefinition } from '../core/config/model';
import { FormDriver, planForm } from '../core/forms';
import { promptForm, type PromptStreams } from './formPrompter';

/** A one-question form: Respond (or `acceptTitle`) / Decline. */
function decision(question: string, acceptTitle: string) {
  return planForm({
    type: 'object', required: ['answer'],
    properties: { answer: { type: 'string', title: question, oneOf: [{ const: 'accept', title: acceptTitle }, { const: 'decline', title: 'Decline' }] } },
  }, 'decision');
}

/** Runs a form to the end on the terminal; `undefined` when the input ended first. */
async function ask(schema: unknown, title: string, streams: PromptStreams): Promise<Record<string, unknown> | undefined> {
  const driver = new FormDriver(planForm(schema, title), { ask: 'all' });
  if (!driver.done && (await promptForm(driver, streams)) === 'cancelled') return undefined;
  return driver.arguments() as Record<string, unknown>;
}

async function choose(question: string, acceptTitle: string, streams: PromptStreams): Promise<'accept' | 'decline' | 'cancel'> {
  const driver = new FormDriver(decision(question, acceptTitle), { ask: 'all' });
  if ((await promptForm(driver, streams)) === 'cancelled') return 'cancel';
  return (driver.arguments() as { answer: 'accept' | 'decline' }).answer;
}

const textOf = (c: unknown): string => (c && typeof c === 'object' && 'text' in c && typeof c.text === 'string' ? c.text : Array.isArray(c) ? c.map(textOf).join('\n') : `[${(c as { type?: string })?.type ?? 'content'}]`);

/**
 * Handlers that answer on the terminal `streams`:
 * - elicitation, form mode (spec 2025-06-18): Respond or Decline, then the `requestedSchema`
 *   through the same form planner and prompter as tool arguments; end of input cancels.
 *   `applyElicitationDefaults` is declared, so a skipped field with a `default` gets it.
 * - elicitation, URL mode (spec 2025-11-25): shows the whole URL and asks for consent; the CLI
 *   does not open it (the user does), so `accept` means the user agreed to open it.
 * - sampling (spec 2024-11-05): shows the messages; the CLI has no model, so the user writes the
 *   reply (`model: "user"`) or declines (error -1, the spec's "User rejected sampling request").
 */
export function terminalRequestHandlers(streams: PromptStreams): (server: ServerDefinition) => ClientRequestHandlers {
  let queue: Promise<unknown> = Promise.resolve();
  /** One conversation at a time on the terminal. */
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const run = queue.then(job, job);
    queue = run.catch(() => undefined);
    return run;
  };
  const say = (s: string) => streams.output.write(s + '\n');
  return (server) => ({
    applyElicitationDefaults: true,
    elicit: (params: ElicitRequest['params']) => serial(async (): Promise<ElicitResult> => {
      say('');
      if (params.mode === 'url') {
        say(`MCP server "${server.name}" asks you to open a page: ${params.message}`);
        say(`  ${params.url}`);
        const c = await choose('Open this URL in your browser?', 'I will open it', streams);
        return { action: c };
      }
      say(`MCP server "${server.name}" asks: ${params.message}`);
      const c = await choose('Respond or decline?', 'Respond', streams);
      if (c !== 'accept') return { action: c };
      const content = await ask(params.requestedSchema, 'response', streams);
      return content ? { action: 'accept', content: content as ElicitResult['content'] } : { action: 'cancel' };
    }),
    sample: (params: CreateMessageRequest['params']) => serial(async (): Promise<CreateMessageResult> => {
      say('');
      say(`MCP server "${server.name}" asks for a language model completion (sampling; at most ${params.maxTokens} tokens). MCP DevTools has no model here: you write the reply.`);
      if (params.systemPrompt) say(`  system: ${params.systemPrompt}`);
      for (const m of params.messages) say(`  ${m.role}: ${textOf(m.content)}`);
      const c = await choose('Reply or decline?', 'Write the reply', streams);
      if (c === 'accept') {
        const reply = await ask({ type: 'object', required: ['reply'], properties: { reply: { type: 'string', title: 'Reply' } } }, 'reply', streams);
        if (reply) return { role: 'assistant', content: { type: 'text', text: String(reply.reply) }, model: 'user', stopReason: 'endTurn' };
      }
      throw new McpError(-1 as ErrorCode, c === 'decline' ? 'User rejected sampling request' : 'The sampling request was cancelled: no input');
    }),
  });
}
