/**
 * Which names carry credentials: header names, environment variable names, tool argument names,
 * URL query parameters. One list for the redactor, history and the linter.
 *
 * Pure core: no `vscode` import.
 */

/**
 * A name that usually carries a credential: `Authorization`, `X-Api-Key`, `GITHUB_TOKEN`,
 * `DB_PASSWORD`, `client_secret`, `Cookie`, `session`, `KEY`, `db_pass`. Deliberately not a bare
 * `pass` or `key` inside a word (`passthrough`, `keyword`, `monkey` are ordinary names), only as
 * the whole name or its last `-`/`_`/`.` segment.
 */
const CREDENTIAL_NAME = /auth|token|secret|passw(?:or)?d|passwd|passphrase|passcode|pwd|api[-_]?key|access[-_]?key|private[-_]?key|credential|cookie|session|bearer|(?:^|[-_.])(?:key|pass)$/i;

/** True for a header, variable or argument name that usually carries a credential (see {@link CREDENTIAL_NAME}). */
export function isCredentialName(name: string): boolean {
  return CREDENTIAL_NAME.test(name);
}

/**
 * True for a URL query parameter that usually carries a credential: a credential name, or any
 * name containing `key` or `sig` (`apikey`, `subscription-key`, `sig`, `X-Amz-Signature`): query
 * parameters are short and unprefixed, and a signature is as good as a password.
 */
export function isCredentialQueryParam(name: string): boolean {
  return isCredentialName(name) || /key|sig/i.test(name);
}

/** Credential-looking names that hold something else: `TOKEN_FILE`, `API_KEY_PATH`, `CLIENT_ID`, `AUTH_URL`, `--auth-type`. */
const NOT_A_SECRET = /(file|path|dir|url|uri|id|name|type|mode|region|host|user)$/i;

/**
 * True for a name whose value is the credential itself: a credential name ({@link isCredentialName})
 * that does not name a file, path, id, type or the like (`GITHUB_TOKEN`, `--api-key`; not
 * `TOKEN_FILE`, `--auth-type`). The linter's `secret` rule and the command-line redaction use it.
 */
export function holdsCredential(name: string): boolean {
  return isCredentialName(name) && !NOT_A_SECRET.test(name);
}
