/**
 * The redaction policy for what a server runs or where it connects, shown in `servers`, `list`,
 * tooltips, trust prompts and logs: values of credential-named options in `args` (`--token X`,
 * `--api-key=X`), token-shaped arguments, URL userinfo and credential-named query parameters.
 * Env and header values are hidden by name where they are shown (see `Redactor.redactHeaders`).
 *
 * Pure core: no `vscode` import.
 */
import { holdsCredential, isCredentialQueryParam } from './names';
import { REDACTED, redactCredentials } from './redact';

/** A variable reference (`${input:x}`, `${env:X}`, `$X`, `{{ secrets.X }}`, OpenCode `{env:X}`): what it names is shown, never its value. */
const REFERENCE = /^\$\{[^}]*\}$|^\$[A-Za-z_]\w*$|^\$\{\{[^}]*\}\}$|^\{(?:env|file):[^}]+\}$/;

/** `--name` or `-name` as one argument: the option's name, else `undefined`. */
const optionName = (arg: string) => /^--?([A-Za-z][\w.-]*)$/.exec(arg)?.[1];

/**
 * The literal values of credential-named options in a command line: `X` of `--token X`,
 * `--api-key=X`, `-password X` (variable references left out: they are resolved and collected
 * where they are resolved). For a {@link Redactor}, so errors and logs hide them verbatim too.
 */
export function credentialArgValues(args: readonly string[]): string[] {
  const out: string[] = [];
  args.forEach((a, i) => {
    const eq = /^--?([A-Za-z][\w.-]*)=(.+)$/s.exec(a);
    const prev = i > 0 ? optionName(args[i - 1]) : undefined;
    const value = eq && holdsCredential(eq[1]) ? eq[2] : prev && holdsCredential(prev) && !a.startsWith('-') ? a : undefined;
    if (value !== undefined && !REFERENCE.test(value)) out.push(value);
  });
  return out;
}

/**
 * A command line's arguments for display: the value of each credential-named option replaced by
 * {@link REDACTED} (`--token <redacted>`, `--api-key=<redacted>`), and credential-shaped text in
 * every argument ({@link redactCredentials}: tokens, URL passwords, `?api_key=`). References stay.
 */
export function redactArgs(args: readonly string[]): string[] {
  return args.map((a, i) => {
    const eq = /^(--?([A-Za-z][\w.-]*)=)(.+)$/s.exec(a);
    if (eq && holdsCredential(eq[2]) && !REFERENCE.test(eq[3])) return `${eq[1]}${REDACTED}`;
    const prev = i > 0 ? optionName(args[i - 1]) : undefined;
    if (prev && holdsCredential(prev) && !a.startsWith('-') && !REFERENCE.test(a)) return REDACTED;
    return redactCredentials(a);
  });
}

/**
 * The secret parts of a URL, for a {@link Redactor}: its userinfo password (or, for http(s) and
 * ws(s), a userinfo with no password: a token as user name, `https://<token>@host`) and the
 * values of its credential-named query parameters ({@link isCredentialQueryParam}). Raw and
 * percent-decoded. `[]` for a text that is not a URL.
 */
export function urlSecrets(url: string): string[] {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return [];
  }
  const out = new Set<string>();
  if (u.password) out.add(u.password);
  else if (u.username && /^(https?|wss?):$/.test(u.protocol)) out.add(u.username);
  for (const [k, v] of u.searchParams) if (v && isCredentialQueryParam(k)) out.add(v);
  for (const s of [...out]) {
    try {
      out.add(decodeURIComponent(s));
    } catch {
      // a malformed escape: the raw form is enough
    }
  }
  return [...out].filter((s) => !REFERENCE.test(s));
}

/**
 * A URL for display: its userinfo (everything before the last `@` of the authority, as URL parsers
 * read it) as `user:<redacted>`, or `<redacted>` alone for a bare http(s)/ws(s) user name (a token
 * as user name, `https://<token>@host`); then {@link redactCredentials} (credential query values,
 * tokens). A variable reference as userinfo stays.
 */
export function redactUrl(url: string): string {
  const shown = url.replace(/^([a-z][a-z0-9+.-]*:\/\/)([^/?#\s]*)@/i, (m, scheme: string, userinfo: string) => {
    const pair = /^((?:\$\{[^}]*\}|[^:])*):(.*)$/s.exec(userinfo); // a `:` inside `${input:x}` is not the separator
    if (pair) return REFERENCE.test(pair[2]) ? m : `${scheme}${pair[1]}:${REDACTED}@`;
    return REFERENCE.test(userinfo) || !/^(https?|wss?):/i.test(scheme) ? m : `${scheme}${REDACTED}@`;
  });
  return redactCredentials(shown);
}
