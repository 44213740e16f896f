/**
 * `--call-read-only`: tools annotated `readOnlyHint: true` that need no arguments (no `required`
 * in their `inputSchema`) are called with `{}`, and what they return is checked: a tool with an
 * `outputSchema` must return `structuredContent` that conforms to it (MCP spec 2025-11-25, Tools ›
 * Output Schema: "Servers MUST provide structured results that conform to this schema").
 *
 * The request accepts any result (the SDK's `callTool` would throw on the very defect reported).
 *
 * Pure core: no `vscode` import.
 */
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { RequestOptions } from '@modelcontextprotocol/sdk/shared/protocol.js';
import { ResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { createAjv, dialectOf } from '../forms/dialect';
import { isRecord, nameOf, type Finding } from './finding';
import { schemaProblem } from './checks/schema';
import { TOOL_NAME } from './checks/toolNames';

/** The tools `--call-read-only` calls: read-only by annotation, a valid name, nothing required. */
export function readOnlyCallable(tools: readonly unknown[]): Record<string, unknown>[] {
  return tools.filter((t): t is Record<string, unknown> => {
    if (!isRecord(t) || typeof t.name !== 'string' || !TOOL_NAME.test(t.name)) return false;
    if (!isRecord(t.annotations) || t.annotations.readOnlyHint !== true) return false;
    const req = isRecord(t.inputSchema) ? t.inputSchema.required : undefined;
    return !Array.isArray(req) || req.length === 0;
  });
}

/** The findings on one tool result (`result`: the raw `tools/call` result) against the tool's `outputSchema`. */
export function resultFindings(tool: Record<string, unknown>, result: Record<string, unknown>): Finding[] {
  const item = { kind: 'tool' as const, name: nameOf(tool) };
  if (result.isError === true) return [{ id: 'read-only-call-failed', severity: 'warning', item, reason: 'called with no arguments, it returned isError: true' }];
  const schema = tool.outputSchema;
  if (schema === undefined || schemaProblem(schema)) return [];
  const sc = result.structuredContent;
  if (sc === undefined) return [{ id: 'structured-content-missing', severity: 'error', item, reason: 'the tool declares an outputSchema but returned no structuredContent (spec 2025-11-25: MUST)' }];
  const copy: Record<string, unknown> = { ...(schema as Record<string, unknown>) };
  delete copy.$schema;
  const validate = createAjv(dialectOf(schema)).compile(copy);
  if (validate(sc)) return [];
  const e = validate.errors?.[0];
  return [{ id: 'structured-content-invalid', severity: 'error', item, reason: `structuredContent does not conform to the outputSchema: ${e ? `${e.instancePath || '(root)'} ${e.message ?? ''}`.trim() : 'invalid'}` }];
}

/** Calls each {@link readOnlyCallable} tool with `{}` and checks its result. Never throws: a failed call is a warning. */
export async function callReadOnlyTools(client: Client, tools: readonly unknown[], options?: RequestOptions): Promise<Finding[]> {
  const out: Finding[] = [];
  for (const tool of readOnlyCallable(tools)) {
    try {
      const r = await client.request({ method: 'tools/call', params: { name: tool.name as string, arguments: {} } }, ResultSchema, options);
      out.push(...resultFindings(tool, r));
    } catch (e) {
      out.push({ id: 'read-only-call-failed', severity: 'warning', item: { kind: 'tool', name: tool.name as string }, reason: `called with no arguments, it failed: ${(e as Error).message}` });
    }
  }
  return out;
}
