/**
 * Whether a configured value looks like a hard-coded secret: a token format anywhere, or a
 * high-entropy value under a credential name. The linter's `secret` rule reports what this finds.
 *
 * Pure core: no `vscode` import.
 */
import { holdsCredential } from './names';
import { findToken, type TokenHit } from './tokens';

/** Values that are obviously not real secrets: "your-api-key-here", "<token>", "xxxx", "<redacted>". */
const PLACEHOLDER = /your|user-?provided|example|placeholder|change-?me|dummy|sample|redacted|xxxx|<|>|here|todo|fixme|replace/i;

/** Shannon entropy in bits per character. */
export function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) h -= (n / s.length) * Math.log2(n / s.length);
  return h;
}

/**
 * What kind of secret `value` (written under `name`, when it has one) looks like, and where in it;
 * `undefined` when it does not. Variable references (`${…}`, `{{…}}`, `$NAME`, OpenCode's
 * `{env:NAME}` and `{file:path}`) are never secrets.
 * Under a credential name, a value counts when it is at least 16 characters, one word, not a path
 * or URL, not a placeholder, and random enough (≥ 3.3 bits per character).
 */
export function detectSecret(name: string | undefined, value: string): TokenHit | undefined {
  if (!value || /\$\{|\{\{|^\$[A-Za-z_]|\{(?:env|file):[^}]+\}/.test(value)) return undefined;
  const token = findToken(value);
  if (token) return token;
  if (name && holdsCredential(name)) {
    const v = value.trim();
    if (PLACEHOLDER.test(v)) return undefined;
    if (v.length >= 16 && !/\s/.test(v) && !/^(https?:|\/|~|\.)/.test(v) && entropy(v) >= 3.3) return { kind: `a secret-looking value under "${name}"`, index: value.indexOf(v), length: v.length };
  }
  return undefined;
}
