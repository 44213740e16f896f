import { CLIENT_LABELS } from '../../config/model';
import { ALL_URL_KEYS, CLIENTS, SERVER_MAP_KEYS } from '../../clients';
import { renameKey } from '../edits';
import { schemaErrors } from '../schemaErrors';
import { allowedKeys } from '../schemas';
import type { Finding, Rule, RuleDoc } from '../types';
import { didYouMean, finding, fix, showPath } from '../util';

const doc: RuleDoc = {
  code: 'unknown-field',
  severity: 'warning',
  description: "A field the client does not know (ignored by most clients; Codex and OpenCode reject the file), with a did-you-mean. Error for Codex (deny_unknown_fields) and OpenCode (its schema's additionalProperties: false).",
  fix: 'Rename the field to the suggestion.',
};

/** Other clients' words for a field, mapped to the canonical one. */
const ALIASES: Record<string, string[]> = {
  env: ['environment', 'envs', 'env_vars', 'environmentVariables'],
  environment: ['env', 'envs', 'environmentVariables'],
  alwaysAllow: ['autoApprove', 'auto_approve'],
  args: ['arguments', 'argv', 'params'],
  headers: ['http_headers', 'header', 'requestHeaders'],
  http_headers: ['headers'],
  type: ['transportType', 'transport'],
  disabled: ['disable'],
  enabled: ['enable'],
  autoApprove: ['alwaysAllow', 'auto_approve'],
  cwd: ['workingDirectory', 'working_directory', 'workdir'],
};

export const unknownFieldRule: Rule = {
  doc,
  check(ctx) {
    const out: Finding[] = [];
    const client = CLIENT_LABELS[ctx.format.client];
    const strict = !!CLIENTS[ctx.format.client].rejectsUnknownFields;
    const severity = strict ? 'error' : 'warning';
    for (const { error, path } of schemaErrors(ctx)) {
      if (error.keyword !== 'additionalProperties') continue;
      const prop = String((error.params as { additionalProperty: string }).additionalProperty);
      const atContainer = path.length === ctx.containerPath.length;
      if (atContainer && (SERVER_MAP_KEYS as readonly string[]).includes(prop)) continue; // top-level-key
      const inServer = path.length === ctx.containerPath.length + 2 && path[ctx.containerPath.length] === ctx.serversKey;
      if (inServer && (ALL_URL_KEYS as readonly string[]).includes(prop)) continue; // transport
      // "args" beside a command string where the client takes one array: value-type folds them together
      if (inServer && prop === 'args' && CLIENTS[ctx.format.client].commandShape === 'array' && typeof (error.data as Record<string, unknown> | undefined)?.command === 'string') continue;
      const allowed = allowedKeys(error.parentSchema as Record<string, unknown> | undefined);
      const suggestion = Object.entries(ALIASES).find(([k, alts]) => allowed.includes(k) && alts.includes(prop))?.[0] ?? didYouMean(prop, allowed.filter((a) => a !== prop));
      const where = showPath([...path, prop]);
      const consequence = strict ? `${client} refuses to load a config with unknown fields` : `${client} ignores it`;
      const message = suggestion
        ? `Unknown field "${prop}" (${where}): ${consequence}. Did you mean "${suggestion}"?`
        : `Unknown field "${prop}" (${where}): ${consequence}. Known fields here: ${allowed.join(', ')}.`;
      out.push(finding(ctx, doc, ctx.locate([...path, prop], 'key'), message, {
        severity,
        fixes: suggestion && !Object.prototype.hasOwnProperty.call(error.data ?? {}, suggestion) ? [fix(`Rename "${prop}" to "${suggestion}"`, renameKey(ctx, [...path, prop], suggestion))] : [],
      }));
    }
    return out;
  },
};
