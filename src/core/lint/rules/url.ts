import { CLIENT_LABELS } from '../../config/model';
import { ALL_URL_KEYS } from '../../clients';
import { replaceValue } from '../edits';
import { isObject } from '../servers';
import type { Finding, Rule, RuleDoc } from '../types';
import { finding, fix, showPath } from '../util';

const doc: RuleDoc = {
  code: 'url',
  severity: 'error',
  description: 'A server URL that does not parse, uses a scheme the client cannot connect to, or (warning) sends plain http:// to a host that is not loopback.',
  fix: 'For plain http to a remote host: switch to https://.',
};

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\]|::1|0\.0\.0\.0|[^.]+\.localhost)$/i;

/** Whether a URL text contains a variable we cannot resolve here. */
const hasVariable = (s: string) => /\$\{|\$[A-Za-z_]|\{\{/.test(s);

export const urlRule: Rule = {
  doc,
  check(ctx) {
    const out: Finding[] = [];
    const client = ctx.format.client;
    for (const s of ctx.servers) {
      if (!isObject(s.value)) continue;
      for (const key of ALL_URL_KEYS) {
        const raw = s.value[key];
        if (typeof raw !== 'string') continue;
        const path = [...s.path, key];
        if (!raw.trim()) {
          out.push(finding(ctx, doc, ctx.locate(path), `${showPath(path)} is empty: give the server's URL, e.g. "https://example.com/mcp".`));
          continue;
        }
        if (hasVariable(raw)) continue;
        if (raw !== raw.trim()) {
          out.push(finding(ctx, doc, ctx.locate(path), `${showPath(path)} has leading or trailing spaces; remove them.`, { fixes: [fix('Trim the URL', replaceValue(ctx, path, raw.trim()))] }));
          continue;
        }
        // the common case without URL parsing: a plain https URL with an ordinary host
        if (/^https:\/\/[A-Za-z0-9.-]+(:\d{1,5})?([/?#][^\s]*)?$/.test(raw)) continue;
        let u: URL;
        try {
          u = new URL(raw);
        } catch {
          const hint = /^[\w.-]+(:\d+)?(\/|$)/.test(raw) ? ` Add the scheme: "https://${raw}".` : '';
          out.push(finding(ctx, doc, ctx.locate(path), `${showPath(path)} is not a valid URL ("${raw.slice(0, 80)}").${hint}`));
          continue;
        }
        const scheme = u.protocol.replace(/:$/, '');
        const allowed = key === 'tcp' ? ['ws', 'wss'] : client === 'vscode' ? ['http', 'https', 'unix', 'pipe'] : ['http', 'https'];
        if (!allowed.includes(scheme)) {
          out.push(finding(ctx, doc, ctx.locate(path), `${CLIENT_LABELS[client]} cannot connect to a "${scheme}:" URL (${showPath(path)}); use ${allowed.map((a) => `${a}://`).join(' or ')}.`));
          continue;
        }
        if (scheme === 'http' && !LOOPBACK.test(u.hostname)) {
          out.push(finding(ctx, doc, ctx.locate(path), `${showPath(path)} uses plain http:// to ${u.hostname}, which is not this machine: requests, tokens and tool results travel unencrypted. Use https://.`, {
            severity: 'warning',
            fixes: [fix('Use https://', replaceValue(ctx, path, raw.replace(/^http:/i, 'https:')))],
          }));
        }
      }
    }
    return out;
  },
};
