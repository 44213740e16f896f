/**
 * The errors of sign-in: each names the step that failed, why, and what to do.
 *
 * Pure core: no `vscode` import.
 */
import type { AuthStep } from './types';

/** A step of an OAuth flow failed. */
export class AuthFlowError extends Error {
  constructor(readonly step: AuthStep, readonly reason: string, readonly todo?: string) {
    super(`OAuth sign-in failed at the ${step} step: ${reason}${todo ? `; ${todo}` : ''}`);
    this.name = 'AuthFlowError';
  }
}

/**
 * The server needs sign-in and nobody can answer a consent page now (no terminal, no
 * `$BROWSER`, `--no-auth-flow`). `hint` says how to sign in with this front end.
 */
export class AuthRequiredError extends Error {
  readonly code = 'auth_required';
  /**
   * @param moreAccess the scopes a 403 `insufficient_scope` challenge asked for that the tokens
   * lack: the server is signed in, but a step-up needs consent
   */
  constructor(readonly server: string, hint: string, readonly moreAccess?: string[]) {
    super(moreAccess?.length
      ? `server "${server}" needs more access (scope${moreAccess.length === 1 ? '' : 's'} "${moreAccess.join(' ')}"), and nobody can answer the consent page here: ${hint}`
      : `server "${server}" needs OAuth sign-in and nobody can answer the consent page here: ${hint}`);
    this.name = 'AuthRequiredError';
  }
}

/** What to do after a step failed, for steps whose failure has a usual cause. */
export const STEP_TODO: Partial<Record<AuthStep, string>> = {
  'protected resource metadata': 'check the server URL; the server must serve RFC 9728 metadata or name it in WWW-Authenticate',
  'authorization server metadata': 'the authorization server must serve RFC 8414 or OpenID Connect discovery metadata',
  'client registration': 'the authorization server refused dynamic registration: give a pre-registered client id in the config (VS Code "oauth.clientId", Cursor "auth.CLIENT_ID", Gemini "oauth.clientId")',
  'token request': 'sign in again; if it keeps failing, check the client id and secret in the config',
  'token refresh': 'sign in again',
  'client credentials': 'check the client id and secret in the config',
};
