import { CLIENT_LABELS } from '../../config/model';
import { CLIENTS, type VariableSyntax } from '../../clients';
import { applyTextEdits, rebaseAfter, replaceInString, shrinkEdit } from '../edits';
import { detectSecret, secretHint, type TokenHit } from '../../secrets';
import { addInputEdits, declaredInputs } from '../inputs';
import { isObject, valueAt } from '../servers';
import type { DocPath, Finding, Fix, LintContext, Rule, RuleDoc } from '../types';
import { finding, fix, showPath, substringRange } from '../util';

const doc: RuleDoc = {
  code: 'secret',
  severity: 'warning',
  description: 'A hard-coded secret in env, headers, args or an OAuth client secret (Gemini CLI `oauth.clientSecret`, Cursor `auth.CLIENT_SECRET`): token-shaped values (sk-…, ghp_…, github_pat_…, xox…-, AKIA…, AIza…, glpat-…, "Bearer <literal>", "Basic …", "Token …") and high-entropy values under names like *TOKEN*, *KEY*, *SECRET*, *PASSWORD* (the same credential names that logs and History redact). Values are never printed.',
  fix: 'VS Code: move the value into an input with password: true and reference it as ${input:id}. Claude Code, Gemini, Cursor, Windsurf, Continue, Kiro, Copilot CLI, Roo Code, OpenCode: replace it with an environment reference in that client\'s syntax.',
};

const ENV_REF: Partial<Record<VariableSyntax, (n: string) => string>> = {
  'shell-braces': (n) => `\${${n}}`,
  shell: (n) => `\${${n}}`,
  'env-colon': (n) => `\${env:${n}}`,
  continue: (n) => `\${{ secrets.${n} }}`,
  braces: (n) => `\${${n}}`,
  opencode: (n) => `{env:${n}}`,
};

const envName = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'SECRET';

/** A value the rule reports: where it is, the name it is written under, and where the secret is in it. */
interface Candidate {
  server: string;
  path: DocPath;
  name?: string;
  value: string;
  envVar?: string;
  hit: TokenHit;
}

/**
 * Every hard-coded secret in the servers' env, headers, args and OAuth client secrets (see
 * {@link detectSecret}).
 * Detects first and builds paths only for hits: this runs over every value on each keystroke.
 */
function candidates(ctx: LintContext): Candidate[] {
  const profile = CLIENTS[ctx.format.client];
  const out: Candidate[] = [];
  for (const s of ctx.servers) {
    if (!isObject(s.value)) continue;
    const consider = (name: string | undefined, value: unknown, path: () => DocPath, envVar?: string) => {
      if (typeof value !== 'string') return;
      const hit = detectSecret(name, value);
      if (hit) out.push({ server: s.name, path: path(), name, value, envVar, hit });
    };
    const env = s.value.env;
    if (isObject(env)) for (const k in env) consider(k, env[k], () => [...s.path, 'env', k], k);
    for (const hp of profile.headerPaths) {
      const h = valueAt(s.value, [...hp]);
      if (isObject(h)) for (const k in h) consider(/^authorization$/i.test(k) ? 'auth' : k, h[k], () => [...s.path, ...hp, k]);
    }
    // OAuth client secrets: Gemini CLI `oauth.clientSecret`, Cursor `auth.CLIENT_SECRET`.
    for (const sp of [['oauth', 'clientSecret'], ['auth', 'CLIENT_SECRET']]) consider('client_secret', valueAt(s.value, sp), () => [...s.path, ...sp]);
    const args = s.value.args;
    if (Array.isArray(args)) {
      for (let i = 0; i < args.length; i++) {
        const a = args[i];
        if (typeof a !== 'string' || a.length < 8) continue;
        const prev = args[i - 1];
        const flag = /^--?([\w-]+)=/.exec(a)?.[1] ?? (typeof prev === 'string' ? /^--?([\w-]+)$/.exec(prev)?.[1] : undefined);
        consider(flag, a, () => [...s.path, 'args', i]);
      }
    }
  }
  return out;
}

/**
 * The secret values the rule finds in a file (each exactly as it is in the value, without
 * `Bearer `), whether or not the rule runs: `lint` keeps them out of every finding's message and fix.
 */
export function foundSecrets(ctx: LintContext): string[] {
  return candidates(ctx).map((c) => c.value.slice(c.hit.index, c.hit.index + c.hit.length));
}

export const secretRule: Rule = {
  doc,
  check(ctx) {
    const out: Finding[] = [];
    const profile = CLIENTS[ctx.format.client];
    const client = CLIENT_LABELS[ctx.format.client];
    const usedIds = new Set(declaredInputs(ctx).map((i) => i.id));
    const found = candidates(ctx);
    // Each fix is computed alone; the inputs of the fixes before it are not in the text yet.
    for (const c of found) {
      const hit = c.hit;
      const secretText = c.value.slice(hit.index, hit.index + hit.length);
      const where = showPath(c.path);
      const fixes: (Fix | undefined)[] = [];
      let advice: string;
      const varName = c.envVar ?? envName(`${c.server}_${c.name && c.name !== 'auth' ? c.name : 'token'}`);
      if (ctx.format.client === 'vscode') {
        let id = (c.envVar ?? `${c.server}-${c.name ?? 'secret'}`).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'secret';
        for (let n = 2; usedIds.has(id); n++) id = `${id.replace(/-\d+$/, '')}-${n}`;
        usedIds.add(id);
        advice = `Move it into an input: "\${input:${id}}" with "password": true, so VS Code prompts once and keeps it in secret storage.`;
        fixes.push(moveToInput(ctx, c.path, c.value, hit, id, `${c.server}: ${c.name ?? 'secret'}`));
      } else if (ENV_REF[profile.variables]) {
        const ref = ENV_REF[profile.variables]!(varName);
        advice = `Set ${varName} in your environment (or a secret store) and write "${ref}" here.`;
        fixes.push(fix(`Replace with ${ref}`, replaceInString(ctx, c.path, c.value, hit.index, hit.length, ref)));
      } else if (ctx.format.client === 'codex') {
        advice = 'Codex does not expand variables: remove the value and pass it through with env_vars = ["NAME"] (or bearer_token_env_var / env_http_headers for HTTP).';
      } else {
        advice = `${client} does not expand variables: keep this file out of version control and readable only by you (chmod 600), or start the server through a wrapper that reads the secret from a keychain.`;
      }
      out.push(finding(ctx, doc, substringRange(ctx, c.path, c.value, hit.index, hit.length), `Hard-coded secret in ${where}: it looks like ${hit.kind} (${secretHint(secretText)}). Anyone who can read this file or its history can use it. ${advice}`, { fixes }));
    }
    return out;
  },
};

/**
 * Replace the secret with `${input:id}` and add the input: minimal edits, the replacement and the
 * insert apart, so no edit carries text of the file between them (another secret, in SARIF and
 * JSON output). Only when the two touch (a one-line file) do they become one edit of that span.
 */
function moveToInput(ctx: LintContext, path: DocPath, value: string, hit: { index: number; length: number }, id: string, description: string): Fix | undefined {
  const replace = replaceInString(ctx, path, value, hit.index, hit.length, `\${input:${id}}`);
  if (replace?.length !== 1) return undefined;
  const replaced = applyTextEdits(ctx.text, replace);
  // `inputs` is found by path, so the insert can be computed on the text after the replacement
  const add = addInputEdits(Object.assign(Object.create(ctx) as LintContext, { text: replaced }), { id, description, password: true });
  if (!add) return undefined;
  const edits = rebaseAfter(ctx.text, replace[0], add.map((e) => shrinkEdit(replaced, e)));
  return edits && fix(`Move into input "${id}" (password)`, edits);
}
