/**
 * Secret redaction: input values, credential headers and env values never appear in errors,
 * logs, tooltips or history. A {@link Redactor} knows the exact secret strings of one server and
 * also masks credential-shaped text it was not told about (bearer tokens, URL passwords,
 * `?api_key=` style query parameters).
 *
 * Pure core: no `vscode` import.
 */

/** What replaces a secret. */
export const REDACTED = '••••••';

/** Secrets shorter than this are not replaced verbatim: `"1"` or `"on"` would mangle every line. */
export const MIN_SECRET_LENGTH = 4;

const CREDENTIAL_NAME = /authorization|auth|token|secret|password|passwd|pwd|api[-_]?key|apikey|access[-_]?key|private[-_]?key|credential|cookie|session/i;

/** True for a header or variable name that usually carries a credential (`Authorization`, `X-Api-Key`, `GITHUB_TOKEN`, …). */
export function isCredentialName(name: string): boolean {
  return CREDENTIAL_NAME.test(name);
}

/**
 * Token formats that are secret wherever they appear, even hard-coded in `args` where no variable
 * marks them: OpenAI/Anthropic `sk-…`, GitHub `ghp_…`/`github_pat_…`, Slack `xox?-…`, AWS `AKIA…`,
 * Google `AIza…`, GitLab `glpat-…` (the same formats the linter's `secret` rule reports).
 */
const WELL_KNOWN_TOKEN = /\b(?:sk-(?:ant-|proj-|live-|test-)?[A-Za-z0-9_-]{20,}|gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|xox[abposr]-[A-Za-z0-9-]{10,}|AKIA[0-9A-Z]{16}|AIza[0-9A-Za-z_-]{30,}|glpat-[A-Za-z0-9_-]{20,})/g;

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

  /** `text` with every known secret and every credential-shaped substring replaced by {@link REDACTED}. */
  redact(text: string): string {
    let out = this.pattern ? text.replace(this.pattern, REDACTED) : text;
    out = out
      .replace(WELL_KNOWN_TOKEN, REDACTED)
      .replace(/\b(Bearer|Basic|Token)\s+[A-Za-z0-9._~+/=-]{8,}/g, `$1 ${REDACTED}`)
      .replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:)[^\s/@]+@/gi, `$1${REDACTED}@`)
      .replace(/([?&](?:[a-z0-9_-]*(?:key|token|secret|password|sig|signature|auth)[a-z0-9_-]*)=)[^&#\s"']+/gi, `$1${REDACTED}`);
    return out;
  }

  /** A header map for display: credential-named headers fully masked, the others redacted. */
  redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(headers)) out[k] = isCredentialName(k) ? REDACTED : this.redact(v);
    return out;
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
