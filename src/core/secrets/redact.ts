/**
 * How secrets are hidden: input values, credential headers and env values never appear in errors,
 * logs, tooltips, trust prompts or history. A {@link Redactor} knows the exact secret strings of
 * one server and also masks credential-shaped text it was not told about.
 *
 * Pure core: no `vscode` import.
 */
import { isCredentialQueryParam, isCredentialName } from './names';
import { AUTH_SCHEME, tokenPattern } from './tokens';

/**
 * What replaces a secret, everywhere. Plain ASCII that says what happened: it survives terminals,
 * log files and JSON, and it is what History has always stored, so entries saved before stay
 * recognisable (a re-run asks for the value again instead of sending the marker).
 */
export const REDACTED = '<redacted>';

/** Secrets shorter than this are not replaced verbatim: `"1"` or `"on"` would mangle every line. */
export const MIN_SECRET_LENGTH = 4;

/** `scheme://user:password@` in URLs; group 1 is everything up to the password. Not `${input:user}:${input:pw}@`: references are shown. */
const URL_USERINFO = /(\b[a-z][a-z0-9+.-]*:\/\/(?!\$\{)[^\s/:@]+:)(?!\$\{)[^\s/@]+@/gi;

/** `?name=value` / `&name=value`; the name is tested with {@link isCredentialQueryParam}. */
const QUERY_PARAM = /([?&])([a-z0-9_-]+)=([^&#\s"']+)/gi;

/**
 * `text` with every credential-shaped substring replaced by {@link REDACTED}: token formats
 * (tokens.ts), the credential after `Bearer`/`Basic`/`Token`, URL passwords, and the values of
 * credential-named query parameters (`?api_key=`, `&sig=`).
 */
export function redactCredentials(text: string): string {
  return text
    .replace(tokenPattern(), REDACTED)
    .replace(new RegExp(AUTH_SCHEME.source, 'g'), (_m, scheme: string) => `${scheme} ${REDACTED}`)
    .replace(URL_USERINFO, `$1${REDACTED}@`)
    .replace(QUERY_PARAM, (m, sep: string, name: string) => (isCredentialQueryParam(name) ? `${sep}${name}=${REDACTED}` : m));
}

export class Redactor {
  private readonly secrets = new Set<string>();
  private pattern: RegExp | undefined;

  /** @param secrets exact strings to hide (shorter than {@link MIN_SECRET_LENGTH} are ignored) */
  constructor(secrets: Iterable<string> = []) {
    this.add(secrets);
  }

  /** Adds more secrets, e.g. the answer to an `${input:…}` once it is known. */
  add(secrets: Iterable<string>): void {
    let changed = false;
    for (const s of secrets) {
      if (s.length >= MIN_SECRET_LENGTH && !this.secrets.has(s)) {
        this.secrets.add(s);
        changed = true;
      }
    }
    if (changed) {
      // Longest first, so a secret that contains another is hidden whole.
      const parts = [...this.secrets].sort((a, b) => b.length - a.length).map(escapeRegExp);
      this.pattern = new RegExp(parts.join('|'), 'g');
    }
  }

  /** How many exact secrets this redactor hides. */
  get size(): number {
    return this.secrets.size;
  }

  /** `text` with every known secret and every credential-shaped substring ({@link redactCredentials}) replaced by {@link REDACTED}. */
  redact(text: string): string {
    return redactCredentials(this.pattern ? text.replace(this.pattern, REDACTED) : text);
  }

  /** A header map for display: credential-named headers fully masked, the others redacted. */
  redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(headers)) out[k] = isCredentialName(k) ? REDACTED : this.redact(v);
    return out;
  }
}

/**
 * A secret shown to the person who wrote it, so they can tell which one a finding means: its
 * first 4 characters and its length (`ghp_… (40 characters)`), or `****` when 8 characters or fewer.
 */
export function secretHint(value: string): string {
  return value.length <= 8 ? '****' : `${value.slice(0, 4)}… (${value.length} characters)`;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
