/**
 * Resources and resource templates: URIs absolute (RFC 3986 §4.3: a scheme, then `:`), unique,
 * and templates valid RFC 6570 expressions.
 *
 * Source: MCP spec 2025-11-25, Server features › Resources (`Resource.uri`: a URI;
 * `ResourceTemplate.uriTemplate`: "A URI template (according to RFC 6570)").
 */
import { UriTemplate } from '@modelcontextprotocol/sdk/shared/uriTemplate.js';
import { isRecord, nameOf, type Check, type Finding } from '../finding';

/** RFC 3986 §3.1 scheme, then `:`; no whitespace anywhere (spaces must be percent-encoded). */
const ABSOLUTE_URI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$/;

/** RFC 6570 §2.2–2.4: an optional operator, then varspecs (`name`, `name:3`, `name*`) joined by commas. */
const EXPRESSION = /^[+#./;?&]?(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2})(?:\.?(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2}))*(?::[1-9]\d{0,3}|\*)?(?:,(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2})(?:\.?(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2}))*(?::[1-9]\d{0,3}|\*)?)*$/;

/** Why `uri` is not an absolute URI, or `undefined`. */
export function uriProblem(uri: unknown): string | undefined {
  if (typeof uri !== 'string') return `the URI is ${JSON.stringify(uri) ?? 'absent'}, not a string`;
  if (!ABSOLUTE_URI.test(uri)) return /\s/.test(uri) ? 'the URI contains whitespace (percent-encode it)' : 'the URI is not absolute (no scheme: file:///…, https://…, myapp://…)';
  return undefined;
}

/** Why `template` is not a valid RFC 6570 URI template, or `undefined`. */
export function templateProblem(template: unknown): string | undefined {
  if (typeof template !== 'string') return `the uriTemplate is ${JSON.stringify(template) ?? 'absent'}, not a string`;
  try {
    new UriTemplate(template);
  } catch (e) {
    return `the uriTemplate is not valid RFC 6570: ${(e as Error).message}`;
  }
  const literal = template.replace(/\{[^{}]*\}/g, (m) => (EXPRESSION.test(m.slice(1, -1)) ? 'x' : '\u0000'));
  if (literal.includes('\u0000')) {
    const bad = (template.match(/\{[^{}]*\}/g) ?? []).find((m) => !EXPRESSION.test(m.slice(1, -1)));
    return `the uriTemplate expression ${bad} is not valid RFC 6570 (an operator, then names of letters, digits, _ and %XX, with :N or *)`;
  }
  if (/[{}]/.test(literal)) return 'the uriTemplate has an unmatched brace';
  return uriProblem(literal) ? 'the uriTemplate does not expand to an absolute URI (no scheme)' : undefined;
}

export const resources: Check = {
  ids: ['resource-uri-invalid', 'resource-uri-duplicate', 'resource-template-invalid'],
  run({ resources: list, resourceTemplates }) {
    const out: Finding[] = [];
    const seen = new Set<string>();
    for (const r of list) {
      const uri = isRecord(r) ? r.uri : undefined;
      const item = { kind: 'resource' as const, name: typeof uri === 'string' ? uri : nameOf(r) };
      const problem = uriProblem(uri);
      if (problem) out.push({ id: 'resource-uri-invalid', severity: 'error', item, reason: problem });
      if (typeof uri === 'string') {
        if (seen.has(uri)) out.push({ id: 'resource-uri-duplicate', severity: 'warning', item, reason: 'two resources have this URI' });
        seen.add(uri);
      }
    }
    for (const t of resourceTemplates) {
      const tpl = isRecord(t) ? t.uriTemplate : undefined;
      const problem = templateProblem(tpl);
      if (problem) out.push({ id: 'resource-template-invalid', severity: 'error', item: { kind: 'resourceTemplate', name: typeof tpl === 'string' ? tpl : nameOf(t) }, reason: problem });
    }
    return out;
  },
};
