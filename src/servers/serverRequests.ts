import * as vscode from 'vscode';
import type { CreateMessageRequest, CreateMessageResult, ElicitRequest, ElicitResult } from '@modelcontextprotocol/sdk/types.js';
import type { ClientRequestHandlers } from '../core/connection';
import type { ServerDefinition } from '../core/config/model';
import { planForm } from '../core/lazy';
import type { FormUi } from '../ui/formUi';
import { runForm } from '../ui/runForm';

/** How a sampling request is answered: by a VS Code language model, by the user's own text, or not at all. */
export interface SamplingUi {
  /** Asks the user (every request: sampling spends their model quota). `models` are `vscode.lm` models. */
  decide(server: string, preview: string, models: readonly { id: string; name: string }[]): Promise<{ kind: 'model'; id: string } | { kind: 'write' } | { kind: 'decline' }>;
  /** The reply the user writes instead of a model. */
  write(server: string, preview: string): Promise<string | undefined>;
}

/** The modal-dialog implementation of {@link SamplingUi}. */
export const dialogSamplingUi: SamplingUi = {
  async decide(server, preview, models) {
    const buttons = [...models.slice(0, 2).map((m) => `Use ${m.name}`), 'Write the Reply', 'Decline'];
    const answer = await vscode.window.showWarningMessage(`MCP server "${server}" asks for a language model completion`, { modal: true, detail: preview.slice(0, 1500) }, ...buttons);
    if (!answer || answer === 'Decline') return { kind: 'decline' };
    if (answer === 'Write the Reply') return { kind: 'write' };
    const m = models.find((x) => `Use ${x.name}` === answer);
    return m ? { kind: 'model', id: m.id } : { kind: 'decline' };
  },
  write: async (server, preview) => vscode.window.showInputBox({ title: `Reply to ${server}'s sampling request`, prompt: preview.slice(0, 200), ignoreFocusOut: true }),
};

const textOf = (c: unknown): string => (c && typeof c === 'object' && 'text' in c && typeof c.text === 'string' ? c.text : Array.isArray(c) ? c.map(textOf).join('\n') : '');

/**
 * Answers servers' requests to the client:
 * - elicitation (spec 2025-06-18 form mode): the requested schema through the same form planner
 *   as tool calls; Respond / Decline first; Escape cancels. URL mode (2025-11-25): the URL opens
 *   only after the user agrees.
 * - sampling (2024-11-05): each request approved by the user, answered by a `vscode.lm` model when
 *   one is available, or by a reply the user writes.
 */
export function serverRequestHandlers(formUi: () => FormUi, samplingUi: () => SamplingUi): (server: ServerDefinition) => ClientRequestHandlers {
  return (server) => ({
    async elicit(params: ElicitRequest['params']): Promise<ElicitResult> {
      if (params.mode === 'url') {
        const open = 'Open URL';
        const answer = await vscode.window.showWarningMessage(`MCP server "${server.name}" asks you to open a page`, { modal: true, detail: `${params.message}\n\n${params.url}` }, open, 'Decline');
        if (answer === open) {
          await vscode.env.openExternal(vscode.Uri.parse(params.url));
          return { action: 'accept' };
        }
        return { action: answer === undefined ? 'cancel' : 'decline' };
      }
      const ui = formUi();
      const decision = await runForm(planForm({
        type: 'object', required: ['answer'],
        properties: { answer: { type: 'string', title: params.message, oneOf: [{ const: 'accept', title: 'Respond' }, { const: 'decline', title: 'Decline' }] } },
      }, 'elicitation'), ui, { title: `${server.name} asks` });
      if (decision.kind !== 'done') return { action: 'cancel' };
      if ((decision.arguments as { answer: string }).answer === 'decline') return { action: 'decline' };
      const outcome = await runForm(planForm(params.requestedSchema, 'response'), ui, { title: `${server.name}: ${params.message}` });
      return outcome.kind === 'done' ? { action: 'accept', content: outcome.arguments as ElicitResult['content'] } : { action: 'cancel' };
    },

    async sample(params: CreateMessageRequest['params'], signal: AbortSignal): Promise<CreateMessageResult> {
      const preview = [params.systemPrompt ? `System: ${params.systemPrompt}` : '', ...params.messages.map((m) => `${m.role}: ${textOf(m.content)}`)].filter(Boolean).join('\n');
      const lm = (vscode as { lm?: typeof vscode.lm }).lm;
      const models = lm ? await lm.selectChatModels().then((m) => m, () => []) : [];
      const choice = await samplingUi().decide(server.name, preview, models.map((m) => ({ id: m.id, name: m.name })));
      if (choice.kind === 'decline') throw new Error('The user declined the sampling request.');
      if (choice.kind === 'write') {
        const text = await samplingUi().write(server.name, preview);
        if (text === undefined) throw new Error('The user cancelled the sampling request.');
        return { role: 'assistant', content: { type: 'text', text }, model: 'user', stopReason: 'endTurn' };
      }
      const model = models.find((m) => m.id === choice.id)!;
      const messages = [
        ...(params.systemPrompt ? [vscode.LanguageModelChatMessage.User(params.systemPrompt)] : []),
        ...params.messages.map((m) => (m.role === 'assistant' ? vscode.LanguageModelChatMessage.Assistant(textOf(m.content)) : vscode.LanguageModelChatMessage.User(textOf(m.content)))),
      ];
      const cts = new vscode.CancellationTokenSource();
      signal.addEventListener('abort', () => cts.cancel());
      const response = await model.sendRequest(messages, { justification: `MCP server "${server.name}" asked for a completion (sampling).` }, cts.token);
      let text = '';
      for await (const chunk of response.text) text += chunk;
      return { role: 'assistant', content: { type: 'text', text }, model: model.id, stopReason: 'endTurn' };
    },
  });
}
