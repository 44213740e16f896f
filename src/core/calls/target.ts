/**
 * The first half of the one call pipeline (resolve the target, plan its form; then `run.ts` runs it
 * and renders the result): what a call is made on, found in a running server's lists, and the form
 * its arguments are asked through. Shared by the VS Code commands (palette, Servers tree, History
 * re-run, Edit as JSON) and the CLI's `call`, `prompt` and `read`.
 *
 * Pure core: no `vscode` import. Imports specific modules, not barrels (the connection layer, forms
 * and results may be bundled apart from what loads at activation).
 */
import type { Prompt, ResourceTemplate, ServerCapabilities, Tool } from '@modelcontextprotocol/sdk/types.js';
import { listItems, type ListState } from '../connection/state';
import type { ServerSnapshot } from '../connection/types';
import { planForm, type FormPlan } from '../forms/plan';
import { promptArgumentsSchema, uriTemplateSchema, uriTemplateVariables } from '../forms/promptForms';

/** What a call is made with: `tools/call`, `prompts/get`, or `resources/read` of a resource template's URI. */
export type CallKind = 'tool' | 'prompt' | 'resourceTemplate';

/**
 * A call's target, serialisable. `server` is the server's id (a session's or the extension's);
 * `name` is the tool's or prompt's `name`, or the resource template's `uriTemplate` (RFC 6570; a
 * plain URI is a template without variables).
 */
export interface CallTarget {
  kind: CallKind;
  server: string;
  name: string;
}

/**
 * Whether a tool may be called as a task (spec 2025-11-25, "Tool-Level Negotiation"): its
 * `execution.taskSupport`, but `forbidden` when the server did not declare
 * `tasks.requests.tools.call` (clients MUST NOT use tasks then, whatever the tool says).
 */
export type TaskSupport = 'required' | 'optional' | 'forbidden';

/** A tool's {@link TaskSupport} on a server with `capabilities` (absent `execution.taskSupport`: `forbidden`). */
export function taskSupport(tool: Tool, capabilities: ServerCapabilities | undefined): TaskSupport {
  if (!capabilities?.tasks?.requests?.tools?.call) return 'forbidden';
  const declared = tool.execution?.taskSupport;
  return declared === 'required' || declared === 'optional' ? declared : 'forbidden';
}

/** A target found in its server's lists, with what the server declared for it. */
export type ResolvedTarget =
  /** `taskSupport`: see {@link TaskSupport}; absent: `forbidden`. */
  | { kind: 'tool'; server: string; name: string; tool: Tool; taskSupport?: TaskSupport }
  | { kind: 'prompt'; server: string; name: string; prompt: Prompt }
  | { kind: 'resourceTemplate'; server: string; name: string; template: ResourceTemplate };

/** A target its server does not list: the message says what it lists instead, or why it lists nothing. */
export class TargetNotFoundError extends Error {
  /** @param listFailed the server could not give the list (a malformed result, an error): its fault, not the caller's */
  constructor(message: string, readonly listFailed = false) {
    super(message);
  }
}

/** How many names a {@link TargetNotFoundError} lists before `… and N more`. */
const MAX_NAMES_LISTED = 20;

const LIST_OF = { tool: 'tools', prompt: 'prompts', resourceTemplate: 'resourceTemplates' } as const;
const WORD = { tool: 'tool', prompt: 'prompt', resourceTemplate: 'resource template' } as const;

/**
 * `target` found in the lists of `server` (a running server's snapshot; while a list reloads, its
 * previous items count). A resource template need not be listed: any `uriTemplate` can be read, so
 * one the server does not list resolves to itself (`{ name: uriTemplate, uriTemplate }`).
 * @throws TargetNotFoundError for a tool or prompt the server does not list, naming what it lists
 *   (at most 20 names), or saying that the list failed or that the server has no such capability
 */
export function resolveTarget(target: CallTarget, server: ServerSnapshot): ResolvedTarget {
  const { kind, name } = target;
  const id = target.server;
  if (kind === 'resourceTemplate') {
    const template = listItems(server.lists.resourceTemplates).find((t) => t.uriTemplate === name) ?? { name, uriTemplate: name };
    return { kind, server: id, name, template };
  }
  if (kind === 'tool') {
    const tool = listItems(server.lists.tools).find((t) => t.name === name);
    if (tool) return { kind, server: id, name, tool, taskSupport: taskSupport(tool, server.info?.capabilities) };
  } else {
    const prompt = listItems(server.lists.prompts).find((p) => p.name === name);
    if (prompt) return { kind, server: id, name, prompt };
  }
  const list = server.lists[LIST_OF[kind]];
  throw new TargetNotFoundError(notFoundMessage(kind, name, server.definition.name, list), list.kind === 'error');
}

function notFoundMessage(kind: CallKind, name: string, serverName: string, list: ListState<{ name: string }>): string {
  const plural = LIST_OF[kind];
  if (list.kind === 'error') return `server "${serverName}" could not list its ${plural}: ${list.message}`;
  if (list.kind === 'unsupported') return `server "${serverName}" has no ${plural} (it did not declare the capability)`;
  const names = listItems(list).map((i) => i.name);
  const shown = names.slice(0, MAX_NAMES_LISTED).join(', ') + (names.length > MAX_NAMES_LISTED ? `, … and ${names.length - MAX_NAMES_LISTED} more` : '');
  return `server "${serverName}" has no ${WORD[kind]} named "${name}"${names.length ? ` (${plural}: ${shown})` : ''}`;
}

/** The form of a call's arguments. */
export interface CallForm {
  /** The JSON Schema the arguments must fit: the tool's `inputSchema`, or one made from the prompt's arguments or the template's variables. */
  schema: unknown;
  plan: FormPlan;
  /** What the form is for, for its title: the tool's title or name, `prompt <name>`, or the URI template. */
  label: string;
}

/**
 * The form of a target's arguments: a tool's `inputSchema` (spec 2024-11-05), a prompt's
 * `arguments` as an object of strings (`prompts/get` takes strings only), a template's variables as
 * required non-empty strings (a plain URI: no fields).
 * @throws Error for a malformed URI template (the SDK's message)
 */
export function callForm(t: ResolvedTarget): CallForm {
  switch (t.kind) {
    case 'tool':
      return { schema: t.tool.inputSchema, plan: planForm(t.tool.inputSchema, t.name), label: t.tool.title ?? t.name };
    case 'prompt': {
      const schema = promptArgumentsSchema(t.prompt.arguments);
      return { schema, plan: planForm(schema, t.name), label: `prompt ${t.name}` };
    }
    case 'resourceTemplate': {
      const schema = uriTemplateSchema(t.template.uriTemplate);
      return { schema, plan: planForm(schema, t.name), label: t.template.uriTemplate };
    }
  }
}

/** The `completion/complete` reference of a target (spec 2025-03-26): prompts and resource templates have one, tools none. */
export function completionRef(t: ResolvedTarget): { type: 'ref/prompt'; name: string } | { type: 'ref/resource'; uri: string } | undefined {
  if (t.kind === 'prompt') return { type: 'ref/prompt', name: t.name };
  if (t.kind === 'resourceTemplate' && uriTemplateVariables(t.template.uriTemplate).length) return { type: 'ref/resource', uri: t.template.uriTemplate };
  return undefined;
}
