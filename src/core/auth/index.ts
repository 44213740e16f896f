/**
 * OAuth 2.1 sign-in for remote MCP servers (spec 2025-03-26, 2025-06-18, 2025-11-25
 * "Authorization"), on the MCP SDK's `auth()`: import from here.
 *
 * Pure core: no `vscode` import.
 */
export type { AuthLogEntry, AuthOptions, AuthSettings, AuthStep, AuthStore, AuthUserAgent, RedirectTarget } from './types';
export { AuthFlowError, AuthRequiredError } from './errors';
export { AuthSession, authorizingSend, isUnauthorized, MAX_AUTH_ROUNDS, type SessionOptions } from './session';
export { DevtoolsOAuthProvider } from './provider';
export { FileAuthStore, MemoryAuthStore, authStoreDir } from './fileStore';
export { canonicalServerUrl, clearRecord, readRecord, writeRecord, recordKey, serverUrlOfKey, statusOf, type AuthRecord, type SignInStatus } from './record';
export { loopbackUserAgent, freePort, loopbackPort, REDIRECT_TIMEOUT_MS, type LoopbackOptions } from './loopback';
