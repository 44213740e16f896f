/**
 * One vocabulary for what is secret and how it is redacted, used by the linter (`secret`,
 * password inputs), the connection layer's redactor (logs, errors, tooltips), History (stored
 * arguments) and trust prompts:
 * - names.ts: which header, variable, argument and query-parameter names carry credentials;
 * - tokens.ts: token formats that are secret wherever they appear;
 * - detect.ts: whether a configured value looks like a hard-coded secret;
 * - redact.ts: the one marker ({@link REDACTED}) and how text is redacted;
 * - launch.ts: what of a command line or URL is secret, and how it is shown.
 *
 * Pure core: no `vscode` import.
 */
export { holdsCredential, isCredentialName, isCredentialQueryParam } from './names';
export { AUTH_SCHEME, findToken, TOKEN_SHAPES, tokenPattern, type TokenHit, type TokenShape } from './tokens';
export { detectSecret, entropy } from './detect';
export { MIN_SECRET_LENGTH, REDACTED, redactCredentials, Redactor, secretHint } from './redact';
export { credentialArgValues, redactArgs, redactUrl, urlSecrets } from './launch';
