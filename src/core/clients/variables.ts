/**
 * How each variable syntax writes a reference, for copying a server from one client's file into
 * another's (`core/config/copy`). One entry per {@link VariableSyntax}: a new syntax fails to
 * compile until it says how it writes an environment variable.
 *
 * Pure core: no `vscode` import.
 */
import type { VariableSyntax } from './types';

/** How one variable syntax writes references. */
export interface VariableWriter {
  /**
   * A reference to the environment variable `name` (with `fallback` used when it is unset, where
   * the syntax has defaults); `undefined` when the syntax cannot refer to the environment at all.
   * `before` is the character the reference is followed by (a bare `$NAME` needs braces before a
   * word character).
   */
  env?(name: string, fallback?: string, before?: string): string;
  /** Whether {@link env} keeps a `fallback` (`${NAME:-default}`). */
  fallbacks: boolean;
  /** Its own variable for the workspace folder (`${workspaceFolder}`), when it has one. */
  workspaceFolder?: string;
  /** Its own variable for the user's home folder, when it has one. */
  userHome?: string;
  /** Said once when a reference is written in it: what the user must know (Continue's secrets are not environment variables). */
  caveat?: string;
}

const envColon = (name: string) => `\${env:${name}}`;

/** Every syntax's writer. Sources: the same documentation as each client's module (see `VariableSyntax`). */
export const VARIABLE_WRITERS: Readonly<Record<VariableSyntax, VariableWriter>> = {
  vscode: { env: envColon, fallbacks: false, workspaceFolder: '${workspaceFolder}', userHome: '${userHome}' },
  'env-colon': { env: envColon, fallbacks: false, workspaceFolder: '${workspaceFolder}', userHome: '${userHome}' },
  'shell-braces': { env: (n, d) => (d === undefined ? `\${${n}}` : `\${${n}:-${d}}`), fallbacks: true, userHome: '${HOME}' },
  shell: { env: (n, _d, before) => (before && /\w/.test(before) ? `\${${n}}` : `$${n}`), fallbacks: false, userHome: '$HOME' },
  continue: {
    env: (n) => `\${{ secrets.${n} }}`,
    fallbacks: false,
    caveat: 'Continue reads ${{ secrets.NAME }} from its secrets (Continue Hub or a .env file in ~/.continue), not from the environment: define each one there',
  },
  braces: { env: (n) => `\${${n}}`, fallbacks: false, userHome: '${HOME}' },
  opencode: { env: (n) => `{env:${n}}`, fallbacks: false, userHome: '{env:HOME}' },
  none: { fallbacks: false },
};
