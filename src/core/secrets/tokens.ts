/**
 * Token formats that are secret wherever they appear, even hard-coded in `args` where no name
 * marks them. One list for the linter (which reports them) and the redactor (which hides them).
 *
 * Pure core: no `vscode` import.
 */

/** A token format: what to call it in a message, and its pattern (no flags; see {@link findToken}). */
export interface TokenShape {
  kind: string;
  pattern: RegExp;
}

/**
 * The formats, each with one minimum length. Real tokens are longer (`ghp_` + 36, `github_pat_` +
 * 82, `AIza` + 35); the minimums are lower so a truncated or mistyped token is still caught and
 * hidden, and nothing legitimate starts with these prefixes followed by 20 token characters.
 */
export const TOKEN_SHAPES: readonly TokenShape[] = [
  { kind: 'an API key (sk-…)', pattern: /\bsk-(?:ant-|proj-|live-|test-)?[A-Za-z0-9_-]{20,}/ },
  { kind: 'a GitHub token', pattern: /\bgh[pousr]_[A-Za-z0-9]{20,}/ },
  { kind: 'a GitHub fine-grained token', pattern: /\bgithub_pat_[A-Za-z0-9_]{20,}/ },
  { kind: 'a Slack token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/ },
  { kind: 'an AWS access key id', pattern: /\bAKIA[0-9A-Z]{16}/ },
  { kind: 'a Google API key', pattern: /\bAIza[0-9A-Za-z_-]{30,}/ },
  { kind: 'a GitLab token', pattern: /\bglpat-[A-Za-z0-9_-]{20,}/ },
];

/**
 * A credential after an HTTP authorization scheme: `Bearer <token>`, `Basic <base64>`,
 * `Token <token>` (GitHub's). Group 1 is the scheme, group 2 the credential. A variable reference
 * (`Bearer ${input:x}`, `Bearer $TOKEN`) or a placeholder (`Bearer <token>`) is not a credential.
 * `Token` only capitalised: the lower-case word starts too many ordinary sentences.
 */
export const AUTH_SCHEME = /\b([Bb]earer|BEARER|[Bb]asic|BASIC|Token)\s+(?![$<{])([A-Za-z0-9._~+/=-]{8,})/;

const ANY_SHAPE = new RegExp(TOKEN_SHAPES.map((t) => t.pattern.source).join('|'), 'g');

/** {@link TOKEN_SHAPES} as one global pattern, for replacing every token in a text. */
export function tokenPattern(): RegExp {
  return new RegExp(ANY_SHAPE.source, 'g');
}

/** Where a token is in a text: its kind and the range of the credential itself. */
export interface TokenHit {
  kind: string;
  index: number;
  length: number;
}

/**
 * The first token in `text` by {@link TOKEN_SHAPES} (in their order), else a literal credential
 * after an authorization scheme ({@link AUTH_SCHEME}; the range leaves out `Bearer `), else `undefined`.
 */
export function findToken(text: string): TokenHit | undefined {
  for (const { kind, pattern } of TOKEN_SHAPES) {
    const m = pattern.exec(text);
    if (m) return { kind, index: m.index, length: m[0].length };
  }
  const m = AUTH_SCHEME.exec(text);
  if (m) return { kind: 'a literal authorization credential', index: m.index + m[0].length - m[2].length, length: m[2].length };
  return undefined;
}
