/**
 * A whole command line written in a server's `"command"` (`"npx -y some-server"`): clients start
 * `command` as one executable, without a shell, so they look for a program whose name contains the
 * spaces and fail with ENOENT. Shared by the `command-line` rule (which reports it) and
 * `command-not-found` (which then stays quiet: one problem, one finding).
 *
 * Pure core: no `vscode` import.
 */
import { splitCommandLine } from '../config/commandLine';
import { isObject } from './servers';
import type { LintContext, ServerEntry } from './types';

/** The command line found in a server's `command`, split into words (`undefined` words: it could not be split, e.g. an unclosed quote). */
export interface CommandLine {
  command: string;
  words?: string[];
}

/** A leading `NAME=value` word (an environment assignment, as a shell would read it). */
export const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** The PATH a server's process would search: its own `env.PATH` when set without variables, else the linter's. */
export function serverPath(ctx: LintContext, value: Record<string, unknown>): string {
  const env = isObject(value.env) ? value.env : {};
  const own = typeof env.PATH === 'string' && !/\$/.test(env.PATH) ? env.PATH : undefined;
  return own ?? ctx.env.PATH ?? ctx.env.Path ?? '';
}

/**
 * The command line in server `s`'s `command`, or `undefined` when `command` is one program: no
 * whitespace; or the whole string is an existing executable (a path with spaces in it); or its first
 * word looks like a path (has `/` or `\`, or a drive letter) that is no executable, as in
 * `/Applications/My App/bin/x` or `C:\Program Files\nodejs\node.exe`, where the spaces belong to
 * the path. Words are split as a POSIX shell would (quotes group) when the text has quotes, else on
 * whitespace, so that Windows backslashes stay as written.
 */
export function commandLineIn(ctx: LintContext, s: ServerEntry): CommandLine | undefined {
  if (!isObject(s.value) || typeof s.value.command !== 'string') return undefined;
  const command = s.value.command.trim();
  if (!/\s/.test(command)) return undefined;
  const pathVar = serverPath(ctx, s.value);
  if (ctx.which(command, pathVar, ctx.cwd)) return undefined;
  const first = command.split(/\s+/)[0];
  const pathLike = /[\\/]/.test(first) || /^[A-Za-z]:/.test(first);
  if (pathLike && !ctx.which(first, pathVar, ctx.cwd)) return undefined;
  let words: string[] | undefined;
  try {
    words = /["']/.test(command) ? splitCommandLine(command) : command.split(/\s+/);
  } catch {
    words = undefined;
  }
  return { command, words: words?.length ? words : undefined };
}
