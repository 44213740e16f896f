import { isObject } from '../servers';
import type { Finding, Rule, RuleDoc } from '../types';
import { finding, showPath } from '../util';

const doc: RuleDoc = {
  code: 'env-name',
  severity: 'warning',
  description: 'An environment variable name that is not a portable identifier ([A-Za-z_][A-Za-z0-9_]*); an empty name or one containing "=" cannot be set at all (error).',
  source: 'POSIX.1-2017, 8.1 Environment Variable Definition.',
};

const PORTABLE = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const envNameRule: Rule = {
  doc,
  check(ctx) {
    const out: Finding[] = [];
    for (const s of ctx.servers) {
      if (!isObject(s.value)) continue;
      // names first, paths only for the bad ones (this runs on every keystroke)
      const names: { name: string; path: () => (string | number)[]; what: 'key' | 'value' }[] = [];
      // `environment`: OpenCode's key
      const envKey = s.value.env === undefined && s.value.environment !== undefined ? 'environment' : 'env';
      const env = s.value[envKey];
      if (isObject(env)) for (const k in env) if (!PORTABLE.test(k)) names.push({ name: k, path: () => [...s.path, envKey, k], what: 'key' });
      const vars = s.value.env_vars;
      if (Array.isArray(vars)) vars.forEach((v, i) => typeof v === 'string' && !PORTABLE.test(v) && names.push({ name: v, path: () => [...s.path, 'env_vars', i], what: 'value' }));
      for (const n of names) {
        const path = n.path();
        const fatal = !n.name || n.name.includes('=') || n.name.includes('\0');
        const why = !n.name ? 'is empty' : n.name.includes('=') ? 'contains "=", which ends a name in the environment block' : /\s/.test(n.name) ? 'contains spaces' : /^\d/.test(n.name) ? 'starts with a digit' : 'contains characters other than letters, digits and "_"';
        out.push(finding(ctx, doc, ctx.locate(path, n.what), `Environment variable name "${n.name}" (${showPath(path)}) ${why}: ${fatal ? 'it cannot be set' : 'many programs and shells cannot read it'}. Use letters, digits and underscores, not starting with a digit.`, { severity: fatal ? 'error' : 'warning' }));
      }
    }
    return out;
  },
};
