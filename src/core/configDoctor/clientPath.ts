/**
 * The PATH an MCP client's process gets, which is the PATH its stdio servers are looked up in and
 * inherit; and the folders that only a shell's init file puts on a PATH (nvm, fnm, Volta, asdf,
 * mise), which a client started from the desktop does not get.
 *
 * Sources:
 * - macOS: an app started from the Dock, Finder or Spotlight is started by launchd with its default
 *   PATH `/usr/bin:/bin:/usr/sbin:/sbin` (launchd.plist(5), `launchctl getenv PATH`), not the
 *   shell's: nothing of `~/.zshrc` or `~/.zprofile`.
 * - Linux: a desktop app gets the session's environment (the display manager's, `/etc/environment`,
 *   at most `~/.profile`), not what `~/.bashrc` or `~/.zshrc` add, where nvm, fnm and asdf install
 *   themselves.
 * - VS Code and its forks (Cursor, Windsurf, Kiro; and the extensions Cline, Continue and Roo Code running in them)
 *   resolve the login shell's environment when started from the desktop (microsoft/vscode
 *   `src/vs/platform/shell/node/shellEnv.ts`, `getResolvedShellEnv`: `$SHELL -i -l -c`), so they
 *   get the shell's PATH (unless that shell takes over 10 s to start).
 * - Zed, started from the Dock or a launcher, spawns a login shell in the home folder and takes its
 *   environment (zed-industries/zed `docs/src/environment.md`, "Launched via window manager").
 * - Claude Code, Gemini CLI, Codex, GitHub Copilot CLI and OpenCode run in a terminal: the shell's PATH.
 * - Windows: every app gets the user and system PATH from the registry; there the trap is a `.cmd`
 *   shim (`npx.cmd`), which `spawn` without a shell cannot run.
 * - The MCP docs' troubleshooting for Claude Desktop ("spawn npx ENOENT" under nvm: use absolute paths).
 *
 * Pure core: no `vscode` import.
 */
import type { ClientId } from '../config/model';
import { CLIENT_LABELS } from '../config/model';

/** What the doctor knows of the machine: the platform, the user's shell environment (the CLI's own), the home folder. */
export interface HostEnv {
  platform: NodeJS.Platform;
  /** The environment of the user's shell (the CLI runs in it); its PATH is "the shell's PATH". */
  env: Record<string, string | undefined>;
  home: string;
}

/** launchd's default PATH for an app started from the desktop on macOS. */
export const LAUNCHD_PATH = '/usr/bin:/bin:/usr/sbin:/sbin';

/** Where a client's PATH comes from. */
export type PathSource = 'shell' | 'shell-resolved' | 'launchd' | 'session' | 'windows' | 'this-process';

/** The PATH a client's process gets, and why. */
export interface ClientPath {
  /** The PATH, `:`-separated (`;` on Windows). */
  path: string;
  source: PathSource;
  /** One sentence: whose PATH this is and why, e.g. `Claude Desktop started from the Dock gets launchd's PATH`. */
  why: string;
}

/** The clients that run in a terminal. */
const TERMINAL_CLIENTS: ReadonlySet<ClientId> = new Set<ClientId>(['claude-code', 'gemini', 'codex', 'copilot-cli', 'opencode']);
/** VS Code and the clients that run in it or in a fork of it: they resolve the login shell's environment. */
const SHELL_RESOLVING_CLIENTS: ReadonlySet<ClientId> = new Set<ClientId>(['vscode', 'cursor', 'windsurf', 'kiro', 'cline', 'continue', 'roo', 'zed']);

/** A version manager whose folders only a shell's init file puts on PATH. */
export type VersionManager = 'nvm' | 'fnm' | 'volta' | 'asdf' | 'mise';

/** `$PATH` of an environment (Windows spells it `Path`). */
export function pathOf(env: Record<string, string | undefined>): string {
  return env.PATH ?? env.Path ?? '';
}

/** The PATH delimiter of a platform. */
export function delimiterOf(platform: NodeJS.Platform): string {
  return platform === 'win32' ? ';' : ':';
}

/**
 * The version manager a PATH folder belongs to, when a shell's init file is what adds it:
 * `~/.nvm/versions/node/<v>/bin` (or under `$NVM_DIR`), fnm's `fnm_multishells/<id>/bin` and
 * `fnm/node-versions/<v>/installation/bin`, `~/.volta/bin` (`$VOLTA_HOME/bin`), `~/.asdf/shims`
 * (`$ASDF_DATA_DIR/shims`), mise's `mise/shims` and `mise/installs/…`.
 * @returns the manager, or `undefined` for any other folder
 */
export function versionManagerOf(dir: string): VersionManager | undefined {
  const d = dir.replace(/\\/g, '/').replace(/\/+$/, '');
  if (/\/\.?nvm\/versions\/node\/[^/]+\/bin$/.test(d)) return 'nvm';
  if (/\/fnm_multishells\/[^/]+(\/bin)?$/.test(d) || /\/fnm\/node-versions\/[^/]+\/installation(\/bin)?$/.test(d)) return 'fnm';
  if (/\/\.volta\/bin$/.test(d) || /\/volta\/bin$/i.test(d)) return 'volta';
  if (/\/\.?asdf\/shims$/.test(d)) return 'asdf';
  if (/\/mise\/(shims|installs\/[^/]+\/[^/]+\/bin)$/.test(d)) return 'mise';
  return undefined;
}

/** The shell init line each manager adds, for messages. */
export const MANAGER_INIT: Record<VersionManager, string> = {
  nvm: 'nvm (its folder is added to PATH by the `nvm.sh` line in your ~/.zshrc or ~/.bashrc)',
  fnm: 'fnm (its folder is added to PATH by `eval "$(fnm env)"` in your shell\'s init file, a new one per shell)',
  volta: 'Volta (~/.volta/bin is added to PATH by your shell\'s init file)',
  asdf: 'asdf (~/.asdf/shims is added to PATH by your shell\'s init file)',
  mise: 'mise (its folders are added to PATH by `mise activate` in your shell\'s init file)',
};

/**
 * The PATH `client`'s process gets on `host` (see the module's sources for each rule).
 * @returns the PATH, where it comes from, and a sentence saying so
 */
export function clientPath(client: ClientId, host: HostEnv): ClientPath {
  const label = CLIENT_LABELS[client];
  const shell = pathOf(host.env);
  if (host.platform === 'win32') return { path: shell, source: 'windows', why: `${label} gets the user and system PATH` };
  if (TERMINAL_CLIENTS.has(client)) return { path: shell, source: 'shell', why: `${label} runs in a terminal and gets your shell's PATH` };
  if (SHELL_RESOLVING_CLIENTS.has(client)) {
    return { path: shell, source: 'shell-resolved', why: `${label} reads your login shell's environment when started from the desktop, so it gets your shell's PATH` };
  }
  if (host.platform === 'darwin') return { path: LAUNCHD_PATH, source: 'launchd', why: `${label} started from the Dock or Finder gets launchd's PATH (${LAUNCHD_PATH}), not your shell's` };
  const delimiter = delimiterOf(host.platform);
  const session = shell.split(delimiter).filter((d) => d && !versionManagerOf(d)).join(delimiter);
  return { path: session, source: 'session', why: `${label} started from the desktop gets the session's PATH, without what your shell's init file adds (nvm, fnm, Volta, asdf, mise)` };
}

/** The PATH of this process (the extension host's, which is what the extension gives the servers it starts). */
export function processPath(env: Record<string, string | undefined>): ClientPath {
  return { path: pathOf(env), source: 'this-process', why: 'VS Code gives the servers MCP DevTools starts its own PATH' };
}
