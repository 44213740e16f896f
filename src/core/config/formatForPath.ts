import { CLIENT_LIST } from '../clients';
import { rooted } from '../clients/paths';
import { discoveryEnvFromProcess, type DiscoveryEnv } from './env';

/**
 * The id of the format a file is in, judged by its path, or `undefined`. Accepts `/` and `\`
 * separators, and relative paths (`.cursor/mcp.json` is then a project's). The rules are each
 * client module's `pathRules` (src/core/clients/), tried in registry order; the first that
 * matches wins. For `.cursor`, `.gemini` and `.codex`, a dot-directory in `env.home` means the
 * user-scope format.
 *
 * @param env defaults to {@link discoveryEnvFromProcess}.
 */
export function formatIdForPath(absPath: string, env: DiscoveryEnv = discoveryEnvFromProcess()): string | undefined {
  const p = rooted(absPath, env);
  for (const client of CLIENT_LIST) {
    for (const rule of client.pathRules) {
      const id = rule(p, env);
      if (id !== undefined) return id;
    }
  }
  return undefined;
}
