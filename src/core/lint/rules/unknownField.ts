import { CLIENT_LABELS } from '../../config/model';
import { CLIENTS } from '../../clients';
import { renameKey } from '../edits';
import { brokenWithout, unknownFields } from '../typos';
import type { Finding, Rule, RuleDoc } from '../types';
import { finding, fix, showPath } from '../util';

const doc: RuleDoc = {
  code: 'unknown-field',
  severity: 'warning',
  description: "A field the client does not know (ignored by most clients; Codex and OpenCode reject the file), with a did-you-mean. Error for Codex (deny_unknown_fields) and OpenCode (its schema's additionalProperties: false), and wherever the misspelt field is one the server cannot work without (\"comand\" in a server with no command): then it is the only finding for that problem, not also \"no transport\" or \"missing field\".",
  fix: 'Rename the field to the suggestion.',
};

export const unknownFieldRule: Rule = {
  doc,
  check(ctx) {
    const out: Finding[] = [];
    const client = CLIENT_LABELS[ctx.format.client];
    const strict = !!CLIENTS[ctx.format.client].rejectsUnknownFields;
    for (const u of unknownFields(ctx)) {
      const { prop, suggestion, allowed, path } = u;
      const where = showPath([...path, prop]);
      const broken = brokenWithout(ctx, u);
      const consequence = strict ? `${client} refuses to load a config with unknown fields` : `${client} ignores it${broken ? ` and ${broken}` : ''}`;
      const message = suggestion
        ? `Unknown field "${prop}" (${where}): ${consequence}. Did you mean "${suggestion}"?`
        : `Unknown field "${prop}" (${where}): ${consequence}. Known fields here: ${allowed.join(', ')}.`;
      out.push(finding(ctx, doc, ctx.locate([...path, prop], 'key'), message, {
        severity: strict || broken ? 'error' : 'warning',
        fixes: suggestion && !u.suggestionTaken ? [fix(`Rename "${prop}" to "${suggestion}"`, renameKey(ctx, [...path, prop], suggestion))] : [],
      }));
    }
    return out;
  },
};
