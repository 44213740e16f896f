import { isObject } from '../servers';
import type { Finding, Rule, RuleDoc } from '../types';
import { finding, showPath } from '../util';

const doc: RuleDoc = {
  code: 'oauth-settings',
  severity: 'error',
  description: 'OAuth settings that cannot work as written: an endpoint or metadata URL (Claude Code "oauth.authServerMetadataUrl"; Gemini CLI "oauth.authorizationUrl", "tokenUrl", "registrationUrl", "redirectUri") that is not an absolute http(s) URL; (warning) plain http:// to a host that is not loopback; (warning) "authorizationUrl" without "tokenUrl" or the other way round; (info) Gemini CLI\'s "tokenParamName", which MCP DevTools does not apply.',
  fix: 'Give absolute https:// URLs; set "authorizationUrl" and "tokenUrl" together.',
  source: 'Claude Code\'s MCP documentation ("Override OAuth metadata discovery": authServerMetadataUrl must be https://); Gemini CLI\'s docs/tools/mcp-server.md (the oauth object); OAuth 2.1 §1.5 (TLS for every endpoint but a loopback redirect).',
};

const URL_KEYS = ['authServerMetadataUrl', 'authorizationUrl', 'tokenUrl', 'registrationUrl', 'redirectUri'] as const;
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;
const hasVariable = (s: string) => /\$\{|\$[A-Za-z_]|\{\{/.test(s);

export const oauthSettingsRule: Rule = {
  doc,
  check(ctx) {
    const out: Finding[] = [];
    for (const s of ctx.servers) {
      if (!isObject(s.value) || !isObject(s.value.oauth)) continue;
      const oauth = s.value.oauth;
      const base = [...s.path, 'oauth'];
      for (const key of URL_KEYS) {
        const raw = oauth[key];
        if (typeof raw !== 'string' || hasVariable(raw)) continue;
        const path = [...base, key];
        let u: URL | undefined;
        try {
          u = new URL(raw);
        } catch {
          u = undefined;
        }
        if (!u || (u.protocol !== 'https:' && u.protocol !== 'http:')) {
          out.push(finding(ctx, doc, ctx.locate(path), `${showPath(path)} is not an absolute http(s) URL ("${raw.slice(0, 80)}"): the sign-in cannot use it. Give the full URL, e.g. "https://auth.example.com/${key === 'redirectUri' ? 'callback' : 'token'}".`));
        } else if (u.protocol === 'http:' && !LOOPBACK.test(u.hostname)) {
          out.push(finding(ctx, doc, ctx.locate(path), `${showPath(path)} uses plain http:// to ${u.hostname}: codes, tokens and client secrets would travel unencrypted, and OAuth 2.1 forbids it for anything but a loopback redirect. Use https://.`, { severity: 'warning' }));
        }
      }
      const auth = typeof oauth.authorizationUrl === 'string';
      const token = typeof oauth.tokenUrl === 'string';
      if (auth !== token) {
        const [has, lacks] = auth ? ['authorizationUrl', 'tokenUrl'] : ['tokenUrl', 'authorizationUrl'];
        out.push(finding(ctx, doc, ctx.locate([...base, has]), `${showPath([...base, has])} is set without "${lacks}": the ${lacks === 'tokenUrl' ? 'token' : 'authorization'} endpoint still comes from the server's metadata. For a server that publishes no metadata, set both.`, { severity: 'warning' }));
      }
      if (typeof oauth.tokenParamName === 'string') {
        const path = [...base, 'tokenParamName'];
        out.push(finding(ctx, doc, ctx.locate(path), `${showPath(path)}: MCP DevTools sends the token in the Authorization header and does not put it in the URL, so this setting is not applied here (Gemini CLI uses it for SSE servers).`, { severity: 'info' }));
      }
    }
    return out;
  },
};
