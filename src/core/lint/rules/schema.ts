import { CLIENT_LABELS } from '../../config/model';
import { CLIENTS } from '../../clients';
import { isServerField, schemaErrors } from '../schemaErrors';
import { unknownFields } from '../typos';
import type { Finding, Rule, RuleDoc } from '../types';
import { finding, showPath } from '../util';

const doc: RuleDoc = {
  code: 'schema',
  severity: 'error',
  description: "A value that breaks the client's JSON Schema (media/schemas/): wrong type, value not allowed, missing required field, out of range; reported at the offending key or value.",
};

/** Fields other rules report with better messages and fixes. */
const OWNED_ELSEWHERE = ['type', 'args', 'env', 'env_vars', 'headers', 'http_headers', 'url', 'serverUrl', 'httpUrl', 'tcp'];

export const schemaRule: Rule = {
  doc,
  check(ctx) {
    const out: Finding[] = [];
    const client = CLIENT_LABELS[ctx.format.client];
    const arrayCommand = CLIENTS[ctx.format.client].commandShape === 'array';
    for (const { error, path } of schemaErrors(ctx)) {
      if (error.keyword === 'additionalProperties') continue; // unknown-field
      if (isServerField(ctx, path, OWNED_ELSEWHERE)) continue;
      // a command string where the client takes one array (OpenCode): value-type says it, with the fix
      if (arrayCommand && error.keyword === 'type' && isServerField(ctx, path, ['command'])) continue;
      const where = path.length ? showPath(path) : 'the top level';
      const p = error.params as Record<string, unknown>;
      let message: string;
      let range = ctx.locate(path, 'value');
      switch (error.keyword) {
        case 'required':
          // a misspelt key stands for it: unknown-field reports that, with the rename
          if (unknownFields(ctx).some((u) => u.suggestion === p.missingProperty && !u.suggestionTaken && u.path.length === path.length && u.path.every((x, i) => x === path[i]))) continue;
          message = `${where} is missing the required field "${String(p.missingProperty)}". Add it.`;
          range = ctx.locate(path, 'key');
          break;
        case 'type':
          message = `${where} must be ${String(p.type).replace(',', ' or ')}, not ${describe(error.data)}.`;
          break;
        case 'enum':
          message = `${where} is ${JSON.stringify(error.data)}; ${client} accepts ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}.`;
          break;
        default:
          message = `${where} ${error.message ?? 'is invalid'}.`;
      }
      out.push(finding(ctx, doc, range, `${message} (${client} schema)`));
    }
    return out;
  },
};

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${JSON.stringify(v)}`.slice(0, 60);
}
