/**
 * The doctor's own listing: every page of each list the server declared, kept as the server sent
 * it. The SDK's `listTools` (and the registry's lists) validate results against the spec's schema
 * and throw on the first defect, which is what the doctor wants to report item by item; so the
 * requests here accept any result object (`ResultSchema`, which passes unknown keys through).
 *
 * Pagination (spec 2025-11-25, Utilities › Pagination): a cursor that repeats, or more than
 * {@link MAX_PAGES} pages, is a finding (the server's pagination does not terminate), not a loop.
 *
 * Pure core: no `vscode` import.
 */
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { RequestOptions } from '@modelcontextprotocol/sdk/shared/protocol.js';
import { ErrorCode, ResultSchema, type ServerCapabilities } from '@modelcontextprotocol/sdk/types.js';
import { MAX_PAGES } from '../connection/lists';
import type { Finding, RawLists } from './finding';

const LISTS = [
  { key: 'tools', method: 'tools/list', cap: 'tools' },
  { key: 'resources', method: 'resources/list', cap: 'resources' },
  { key: 'resourceTemplates', method: 'resources/templates/list', cap: 'resources' },
  { key: 'prompts', method: 'prompts/list', cap: 'prompts' },
] as const;

/**
 * Lists everything `client`'s server declared in `capabilities`, all pages, unvalidated.
 * Never throws: a failed request or a malformed page becomes a `list-failed` finding, a cursor that
 * repeats `pagination-loop`, too many pages `pagination-unbounded` (all errors, on the server).
 */
export async function fetchRawLists(client: Client, capabilities: ServerCapabilities, options?: RequestOptions): Promise<{ lists: RawLists; findings: Finding[] }> {
  const lists: RawLists = { tools: [], resources: [], resourceTemplates: [], prompts: [] };
  const findings: Finding[] = [];
  const server = { kind: 'server' as const, name: '' };
  for (const l of LISTS) {
    if (!capabilities[l.cap]) continue;
    const seen = new Set<string>();
    let cursor: string | undefined;
    for (let page = 0; ; page++) {
      let r: Record<string, unknown>;
      try {
        r = await client.request({ method: l.method, params: cursor === undefined ? {} : { cursor } }, ResultSchema, options);
      } catch (e) {
        // resources/templates/list left unimplemented by a server with resources: clients treat it as no templates
        const missing = l.key === 'resourceTemplates' && (e as { code?: unknown }).code === ErrorCode.MethodNotFound;
        findings.push({ id: 'list-failed', severity: missing ? 'warning' : 'error', item: server, reason: `${l.method} failed${page ? ` on page ${page + 1}` : ''}: ${(e as Error).message}${missing ? ' (the resources capability implies it: answer an empty list)' : ''}` });
        break;
      }
      const items = r[l.key];
      if (!Array.isArray(items)) {
        findings.push({ id: 'list-failed', severity: 'error', item: server, reason: `${l.method} returned no "${l.key}" array${page ? ` on page ${page + 1}` : ''}` });
        break;
      }
      lists[l.key].push(...(items as unknown[]));
      const next = r.nextCursor;
      if (next === undefined || next === null) break;
      if (typeof next !== 'string') {
        findings.push({ id: 'list-failed', severity: 'error', item: server, reason: `${l.method} returned nextCursor ${JSON.stringify(next)}, not a string` });
        break;
      }
      if (seen.has(next)) {
        findings.push({ id: 'pagination-loop', severity: 'error', item: server, reason: `${l.method} returned the cursor ${JSON.stringify(next)} twice: its pagination never ends (stopped after ${page + 1} pages)` });
        break;
      }
      if (page + 1 >= MAX_PAGES) {
        findings.push({ id: 'pagination-unbounded', severity: 'error', item: server, reason: `${l.method} returned more than ${MAX_PAGES} pages; stopped listing` });
        break;
      }
      seen.add(next);
      cursor = next;
    }
  }
  return { lists, findings };
}
