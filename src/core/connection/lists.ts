/**
 * Listing everything a server offers, every page: the SDK's list calls return one page, and a
 * client must follow `nextCursor` until it is absent (spec 2024-11-05, "Pagination").
 *
 * Pure core: no `vscode` import.
 */
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { RequestOptions } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type { Prompt, Resource, ResourceTemplate, ServerCapabilities, Tool } from '@modelcontextprotocol/sdk/types.js';
import { malformedResultMessage, schemaIssues } from './malformed';
import type { ListKind } from './state';

/** The item type of each list. */
export interface ListItems {
  tools: Tool;
  resources: Resource;
  resourceTemplates: ResourceTemplate;
  prompts: Prompt;
}

/** A guard against a server whose cursors never end. */
export const MAX_PAGES = 1000;

/** How many schema problems of a malformed list result the message names. */
const MAX_ISSUES_SHOWN = 3;

/**
 * Calls `page` with each `nextCursor` until there is none, and concatenates the items.
 * @throws Error when a cursor repeats or more than {@link MAX_PAGES} pages come back (a server bug
 *   that would otherwise loop forever), or whatever `page` throws
 */
export async function collectPages<T>(page: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor?: string }>): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (let n = 0; ; n++) {
    const r = await page(cursor);
    for (const item of r.items) items.push(item);
    if (r.nextCursor === undefined || r.nextCursor === null) return items;
    if (seen.has(r.nextCursor)) throw new Error(`the server returned the cursor "${r.nextCursor}" twice; its pagination loops (after ${items.length} items)`);
    if (n + 1 >= MAX_PAGES) throw new Error(`the server returned more than ${MAX_PAGES} pages; stopped listing after ${items.length} items`);
    seen.add(r.nextCursor);
    cursor = r.nextCursor;
  }
}

/** Whether the server declared the capability a list needs (spec 2024-11-05 `initialize`). */
export function supportsList(caps: ServerCapabilities, kind: ListKind): boolean {
  if (kind === 'tools') return !!caps.tools;
  if (kind === 'prompts') return !!caps.prompts;
  return !!caps.resources;
}

/**
 * Every item of one list, all pages.
 * @throws the SDK's errors: McpError from the server, a timeout (-32001), or a validation error
 *   when the server's result does not match the schema
 */
export async function listAll<K extends ListKind>(client: Client, kind: K, options?: RequestOptions): Promise<ListItems[K][]> {
  const p = (cursor: string | undefined) => (cursor === undefined ? {} : { cursor });
  switch (kind) {
    case 'tools':
      return (await collectPages(async (c) => { const r = await client.listTools(p(c), options); return { items: r.tools, nextCursor: r.nextCursor }; })) as ListItems[K][];
    case 'resources':
      return (await collectPages(async (c) => { const r = await client.listResources(p(c), options); return { items: r.resources, nextCursor: r.nextCursor }; })) as ListItems[K][];
    case 'resourceTemplates':
      return (await collectPages(async (c) => { const r = await client.listResourceTemplates(p(c), options); return { items: r.resourceTemplates, nextCursor: r.nextCursor }; })) as ListItems[K][];
    default:
      return (await collectPages(async (c) => { const r = await client.listPrompts(p(c), options); return { items: r.prompts, nextCursor: r.nextCursor }; })) as ListItems[K][];
  }
}

/**
 * A one-line message for a failed list call: the server's McpError as it is, or — for a result
 * that breaks the spec's schema — the first few offending paths (`tools.0.name: expected string`).
 */
export function describeListError(kind: ListKind, e: unknown): string {
  const method = kind === 'resourceTemplates' ? 'resources/templates/list' : `${kind}/list`;
  const err = e as Error & { code?: unknown };
  if (typeof err.code === 'number') return `${method} failed: ${err.message}`;
  const issues = schemaIssues(e);
  return issues ? malformedResultMessage(method, issues, MAX_ISSUES_SHOWN) : `${method} failed: ${err.message}`;
}
