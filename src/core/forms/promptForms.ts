/**
 * Prompts' arguments and resource templates' variables as forms: each becomes a simple object
 * schema, planned like a tool's `inputSchema`, so one UI serves all three.
 *
 * Pure core: no `vscode` import.
 */
import { UriTemplate } from '@modelcontextprotocol/sdk/shared/uriTemplate.js';
import type { JsonSchema } from './schemaIndex';

/** A prompt argument as `prompts/list` gives it (spec 2024-11-05; `title` since 2025-06-18). */
export interface PromptArgumentLike {
  name: string;
  title?: string;
  description?: string;
  required?: boolean;
}

/**
 * A prompt's `arguments` → an object schema of strings (`prompts/get` takes string values only,
 * spec 2024-11-05), `required` as declared.
 */
export function promptArgumentsSchema(args: readonly PromptArgumentLike[] | undefined): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const a of args ?? []) {
    properties[a.name] = { type: 'string', ...(a.title ? { title: a.title } : {}), ...(a.description ? { description: a.description } : {}) };
  }
  return { type: 'object', properties, required: (args ?? []).filter((a) => a.required).map((a) => a.name), additionalProperties: { type: 'string' } };
}

/**
 * The variable names of an RFC 6570 URI template (`demo://resource/{kind}/{id}` → `['kind', 'id']`),
 * in order, without repeats. Uses the MCP SDK's `UriTemplate`.
 * @throws Error when the template is malformed (the SDK's message)
 */
export function uriTemplateVariables(template: string): string[] {
  return [...new Set(new UriTemplate(template).variableNames)];
}

/** A resource template's variables → an object schema of required, non-empty strings. @throws like {@link uriTemplateVariables} */
export function uriTemplateSchema(template: string, descriptions: Record<string, string> = {}): JsonSchema {
  const names = uriTemplateVariables(template);
  const properties: Record<string, JsonSchema> = {};
  for (const n of names) properties[n] = { type: 'string', minLength: 1, ...(descriptions[n] ? { description: descriptions[n] } : {}) };
  return { type: 'object', properties, required: names };
}

/** Expands a URI template with the form's answers (RFC 6570, percent-encoding as the operator says). @throws like {@link uriTemplateVariables} */
export function expandUriTemplate(template: string, values: Record<string, unknown>): string {
  const vars: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === null) continue;
    vars[k] = Array.isArray(v) ? v.map(String) : String(v);
  }
  return new UriTemplate(template).expand(vars);
}
