/**
 * Why a stdio server failed to start, said as its user can act on it: the config line at fault
 * and the fix. Covers the two failures every MCP client reports most: `spawn npx ENOENT` (the
 * command is not on the PATH the client gives its servers) and `MCP error -32000: Connection
 * closed` (the server started, then exited before it answered; this project's connection layer
 * says `exited … (exit code N); its last stderr: …`).
 *
 * No file is read and nothing is spawned here: what the command resolves to comes in as a
 * {@link CommandCheck} (`resolve.ts`), so the extension can explain a failure without it.
 *
 * Pure core: no `vscode` import.
 */
import * as path from 'node:path';
import type { Located, ServerDefinition } from '../config/model';
import { MANAGER_INIT } from './clientPath';
import type { CommandCheck } from './resolve';

/** What went wrong, in one word. */
export type StartFailureCause = 'command-not-found' | 'command-line-in-command' | 'windows-shim' | 'interpreter-not-found' | 'not-executable' | 'cwd-missing' | 'exited';

/** A config position: the file, and the zero-based line and character of the value at fault. */
export interface ConfigLocation {
  file: string;
  line: number;
  character: number;
  /** The field, as written in the file's dialect: `command`, `args[0]`, `cwd`. */
  field: string;
}

/** A start failure explained. */
export interface StartExplanation {
  cause: StartFailureCause;
  /** What failed and why, in a sentence or two. */
  problem: string;
  /** What to change, with the values to write. */
  fix: string;
  /** The config line at fault; absent when the server has no file or the field no range. */
  at?: ConfigLocation;
}

/** `file:line:column`, one-based, as terminals and editors link it. */
export function formatLocation(at: ConfigLocation): string {
  return `${at.file}:${at.line + 1}:${at.character + 1}`;
}

/** A JSON value as written in a fix: `"C:\\x"` escaped, so it can be pasted. */
const json = (v: unknown) => JSON.stringify(v);

/** The location of a located value of `def`, unless the server has no file. */
function locate(def: ServerDefinition, value: Located<unknown> | undefined, field: string): ConfigLocation | undefined {
  if (def.adHoc || !value?.range) return def.adHoc || !def.nameRange ? undefined : { file: def.file, line: def.nameRange.start.line, character: def.nameRange.start.character, field: 'name' };
  return { file: def.file, line: value.range.start.line, character: value.range.start.character, field };
}

/** The fix for a command that resolves, or not, as `check` says. */
function commandFix(cmd: string, args: string[], check: CommandCheck | undefined): { cause: StartFailureCause; text: string; note?: string } {
  const r = check?.resolution;
  const where = check ? check.clientPath.why : 'the client gives its servers a PATH that may not be your shell\'s';
  if (r?.kind === 'found' || r?.kind === 'shell-only') {
    if (r.windowsShim) {
      return { cause: 'windows-shim', text: `${r.path} is a .cmd shim, which a client cannot run without a shell on Windows: write "command": "cmd", "args": ${json(['/c', cmd, ...args])}` };
    }
    const managed = r.manager ? ` ${cmd} is found only through ${MANAGER_INIT[r.manager]}; ${where}.` : r.kind === 'shell-only' ? ` ${cmd} is on your shell's PATH but not on the one the client gives: ${where}.` : '';
    const envPath = r.missingInterpreter ? ` and "env": { "PATH": ${json(`${path.dirname(r.path)}${path.delimiter}${check?.ownPath ?? check?.clientPath.path ?? ''}`)} } (its first line runs ${r.missingInterpreter} through /usr/bin/env, which searches that PATH)` : '';
    if (r.kind === 'found' && !r.missingInterpreter) return { cause: 'command-not-found', text: `use the absolute path: "command": ${json(r.path)}`, note: managed };
    return { cause: r.missingInterpreter && r.kind === 'found' ? 'interpreter-not-found' : 'command-not-found', text: `use the absolute path: "command": ${json(r.path)}${envPath}`, note: managed };
  }
  if (r?.kind === 'missing') {
    return { cause: 'command-not-found', text: `${cmd} is not on the client's PATH, nor on your shell's, nor in an nvm, fnm, Volta, asdf or mise folder: install it, or write its absolute path in "command"` };
  }
  return { cause: 'command-not-found', text: `write the absolute path in "command" (run \`command -v ${cmd}\` in your shell; on Windows \`where ${cmd}\`, and for a .cmd shim "command": "cmd", "args": ["/c", ${json(cmd)}, …]); ${where}` };
}

/**
 * Explains a stdio server's start failure.
 * @param def the server as configured (its ranges point at the line at fault)
 * @param message the error the start failed with (`spawn npx ENOENT — …`, `… exited … (exit code 1); its last stderr: …`, `MCP error -32000: Connection closed`)
 * @param stderrTail the server's last stderr lines, when known
 * @param check what the command resolves to ({@link checkCommand}), when known
 * @returns `undefined` for a failure this does not know (an HTTP error, a timeout, a refused protocol version)
 */
export function explainStartFailure(def: ServerDefinition, message: string, stderrTail: readonly string[] = [], check?: CommandCheck): StartExplanation | undefined {
  const t = def.transport;
  if (t?.kind !== 'stdio') return undefined;
  const cmd = check?.resolution.command ?? t.command.value;
  const args = t.args.map((a) => a.value);
  const atCommand = locate(def, t.command, 'command');
  const stderr = [...stderrTail, message].join('\n');

  if (/working directory .* (does not exist|is not a directory)/.test(message)) {
    return { cause: 'cwd-missing', problem: message, fix: 'fix "cwd" (relative paths are relative to the folder the client starts in), or create the folder', at: locate(def, t.cwd, 'cwd') };
  }
  if (/\bspawn \S.* (ENOENT|EINVAL)\b/.test(message) || /\bENOENT\b/.test(message)) {
    if (/\s/.test(cmd.trim()) && check?.resolution.kind !== 'found') {
      const [first, ...rest] = cmd.trim().split(/\s+/);
      return {
        cause: 'command-line-in-command', at: atCommand,
        problem: `"command" holds a whole command line, "${cmd}": the client looks for one executable named that, spaces included, and finds none`,
        fix: `split it: "command": ${json(first)}, "args": ${json([...rest, ...args])}`,
      };
    }
    const fix = commandFix(cmd, args, check);
    const searched = check ? ` (${check.ownPath ? 'the server\'s own env.PATH' : 'the client\'s PATH'}: ${(check.ownPath ?? check.clientPath.path) || '(empty)'})` : '';
    return {
      cause: fix.cause, at: atCommand,
      problem: `the client could not find "${cmd}" on the PATH it gives the server${searched} (\`spawn ${cmd} ENOENT\`).${fix.note ?? ''}`,
      fix: fix.text,
    };
  }
  if (/\bspawn \S.* EACCES\b/.test(message)) {
    return { cause: 'not-executable', at: atCommand, problem: `"${cmd}" exists but is not executable (\`spawn ${cmd} EACCES\`)`, fix: `run \`chmod +x ${cmd}\`, or start it through its interpreter ("command": "node", "args": [${json(cmd)}, …])` };
  }
  if (/Connection closed|-32000|\bexited\b/.test(message)) {
    const interpreter = /env: ['‘"]?([\w.-]+)['’"]?: No such file or directory/.exec(stderr)?.[1];
    if (interpreter) {
      const r = check?.resolution;
      const dir = r && (r.kind === 'found' || r.kind === 'shell-only') ? path.dirname(r.path) : undefined;
      return {
        cause: 'interpreter-not-found', at: atCommand,
        problem: `"${cmd}" was found, but its first line runs ${interpreter} through /usr/bin/env, and ${interpreter} is not on the PATH the client gives the server${check ? `: ${check.clientPath.why}` : ''}`,
        fix: dir ? `add "env": { "PATH": ${json(`${dir}${path.delimiter}${check?.clientPath.path ?? ''}`)} } to the server, or start it with the absolute path of ${interpreter}` : `add the folder of ${interpreter} to the server's "env": { "PATH": … }, or use the absolute path of ${interpreter} in "command"`,
      };
    }
    const missingModule = /Cannot find module '([^']+)'/.exec(stderr)?.[1];
    const argIndex = missingModule ? t.args.findIndex((a) => a.value && (missingModule === a.value || missingModule.endsWith(a.value.replace(/^\.\//, '')) || a.value.endsWith(path.basename(missingModule)))) : -1;
    const tail = stderrTail.filter((l) => l.trim()).slice(-3);
    const shown = [cmd, ...args].map((w) => (/[\s"']/.test(w) ? json(w) : w)).join(' ');
    return {
      cause: 'exited',
      at: argIndex >= 0 ? locate(def, t.args[argIndex], `args[${argIndex}]`) : atCommand,
      problem: `the server started and then exited before it answered (clients show this as "MCP error -32000: Connection closed")${tail.length ? `; its last stderr: ${tail.join(' | ')}` : ''}`,
      fix: missingModule ? `the script ${missingModule} does not exist: fix the path in "args" (a relative path is relative to the folder the client starts the server in; use an absolute one)` : `run the command line in a terminal to read its error: ${shown}; a missing "env" value or argument is the usual cause`,
    };
  }
  return undefined;
}
