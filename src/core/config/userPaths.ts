import { CLIENT_LIST, userConfigDir, vscodeUserDataDirs } from '../clients';
import type { DiscoveryEnv } from './env';
import { formatById, type ConfigFormat } from './formats';

export { userConfigDir, vscodeUserDataDirs };

/** A user-scope config file location: the format it is in and its absolute path. */
export interface UserConfigPath {
  format: ConfigFormat;
  path: string;
}

/**
 * The user-scope config files of every client on `env.platform`, whether or not they exist: each
 * client module's `userPaths` (src/core/clients/), in registry order. A pure function of `env`.
 *
 * @returns `{format, path}` in a stable order (VS Code first), paths in the platform's syntax.
 */
export function userConfigPaths(env: DiscoveryEnv): UserConfigPath[] {
  return CLIENT_LIST.flatMap((c) => c.userPaths(env)).map((u) => ({ format: formatById(u.format), path: u.path }));
}
