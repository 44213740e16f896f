/**
 * `mcp-devtools doctor` with no server: every config file found (as `list` finds them: the
 * nearest folder with MCP config files, `--config`, `--user`) is linted, each stdio server's
 * command is resolved on the PATH its client gives it (`core/configDoctor`), and each enabled
 * server is started the way its client would start it: a stdio server with that client's PATH
 * (Claude Desktop on macOS: launchd's), unless it sets its own `env.PATH`. A failed start is
 * explained with the config line at fault and a fix.
 *
 * What starts follows the CLI's rule (the one `list` has): the enabled servers of the files read
 * (running the command in the folder is the go-ahead; VS Code asks for each workspace server
 * instead). A server disabled in its file is skipped (its client does not start it either), as
 * is one with no command or URL; `--no-start` only lints and resolves. The output says which and why.
 *
 * Exit codes: 0 every server started and no lint error; 1 a lint error, a server that failed or
 * would fail in its client; 2 usage or I/O error.
 */
import * as os from 'node:os';
import { CLIENT_LABELS, transportLabel, type ConfigFile, type ServerDefinition } from '../core/config/model';
import { checkCommand, explainStartFailure, formatLocation, pathOf, type CommandCheck, type HostEnv, type StartExplanation } from '../core/configDoctor';
import { resolveLaunch } from '../core/connection/launch';
import { lintFile, type Finding } from '../core/lint';
import { loadConfigs } from './configs';
import type { Io } from './io';
import type { ConfigChoice } from './options';
import { cliVariables, failures, withServers } from './session';
import type { SessionFlags } from './sessionOptions';

/** One server's result. */
export interface ServerReport {
  name: string;
  file: string;
  /** One-based line of the server's definition. */
  line: number;
  client: string;
  transport: string;
  status: 'started' | 'failed' | 'skipped';
  /** Why it was skipped, or the start error. */
  reason?: string;
  /** What the command resolves to on its client's PATH (stdio servers). */
  command?: { command: string; resolution: CommandCheck['resolution']['kind']; path?: string; manager?: string; clientPath: { source: string; why: string } };
  /** Why it failed and what to change, with the config line (`file:line:column`). */
  explanation?: Omit<StartExplanation, 'at'> & { at?: string; field?: string };
  /** When started: the server's name and version, and how many tools it lists. */
  serverInfo?: { name: string; version: string };
  tools?: number;
}

/** One file's result. */
export interface FileReport {
  path: string;
  client: string;
  scope: string;
  lint: { errors: number; warnings: number; findings: { line: number; column: number; severity: string; code: string; message: string }[] };
  servers: ServerReport[];
}

/** Why a server is not started, or `undefined` to start it. */
function skipReason(def: ServerDefinition, noStart: boolean): string | undefined {
  if (def.options.disabled) return 'disabled in its file: its client does not start it either';
  if (!def.transport) return 'no command or URL (see the lint findings)';
  if (noStart) return '--no-start: linted and resolved only';
  return undefined;
}

/**
 * The server as its client launches it: with the client's PATH, when it is not the shell's
 * (`shellPath`) and the server sets none of its own.
 */
function launchAs(checks: Map<string, CommandCheck>, shellPath: string) {
  return (def: ServerDefinition): ServerDefinition => {
    const t = def.transport;
    const check = checks.get(def.id);
    if (t?.kind !== 'stdio' || !check || check.ownPath !== undefined || t.env.PATH || check.clientPath.path === shellPath) return def;
    return { ...def, transport: { ...t, env: { ...t.env, PATH: { value: check.clientPath.path } } } };
  };
}

/** A stdio server's command check, its variables resolved as at start when they can be (an `${input:…}` cannot here: then as written). */
async function commandCheck(def: ServerDefinition, host: HostEnv, io: Io, configs: Awaited<ReturnType<typeof loadConfigs>>): Promise<CommandCheck | undefined> {
  if (def.transport?.kind !== 'stdio') return undefined;
  let command: string | undefined;
  try {
    const { launch } = await resolveLaunch(def, cliVariables(io, configs));
    if (launch.kind === 'stdio') command = launch.command;
  } catch {
    command = undefined;
  }
  return checkCommand(def, host, { command });
}

/**
 * Runs the config doctor over the files `choice` selects.
 * @returns the reports, file by file, and the exit code
 */
export async function configDoctor(io: Io, opts: { choice: ConfigChoice; timeoutMs: number; flags: SessionFlags; noStart: boolean }): Promise<{ files: FileReport[]; code: number; where: string }> {
  const configs = await loadConfigs(io, opts.choice);
  const host: HostEnv = { platform: process.platform, env: io.env, home: io.env.HOME ?? os.homedir() };
  const checks = new Map<string, CommandCheck>();
  for (const f of configs.files) for (const s of f.servers) {
    const c = await commandCheck(s, host, io, configs);
    if (c) checks.set(s.id, c);
  }
  const lints = new Map<string, Finding[]>();
  for (const f of configs.files) lints.set(f.path, await lintFile(f.path, { env: io.env, cwd: io.cwd, format: f.format }));
  const toStart = configs.files.flatMap((f) => f.servers).filter((s) => !skipReason(s, opts.noStart));
  const started = new Map<string, { state: string; message?: string; stderr: string[]; info?: { name: string; version: string }; tools?: number }>();
  if (toStart.length) {
    await withServers(io, { names: [], timeoutMs: opts.timeoutMs, choice: opts.choice, flags: opts.flags, launchAs: launchAs(checks, pathOf(io.env)) }, async ({ registry }) => {
      await registry.startAll(toStart.map((s) => s.id));
      for (const s of toStart) {
        const snap = registry.get(s.id);
        if (!snap) continue;
        const tools = snap.lists.tools;
        started.set(s.id, {
          state: snap.state.kind,
          message: snap.state.kind === 'running' ? undefined : failures(snap).join('\n'),
          stderr: snap.state.kind === 'error' ? snap.state.stderrTail : [],
          info: snap.info?.serverInfo,
          tools: tools.kind === 'loaded' ? tools.items.length : undefined,
        });
      }
    });
  }
  const files = configs.files.map((f) => fileReport(f, lints.get(f.path) ?? [], checks, started, opts.noStart));
  const failed = files.some((f) => f.lint.errors || f.servers.some((s) => s.status === 'failed' || s.explanation));
  return { files, code: failed ? 1 : 0, where: configs.describe() };
}

function fileReport(f: ConfigFile, findings: Finding[], checks: Map<string, CommandCheck>, started: Map<string, { state: string; message?: string; stderr: string[]; info?: { name: string; version: string }; tools?: number }>, noStart: boolean): FileReport {
  const servers = f.servers.map((s): ServerReport => {
    const check = checks.get(s.id);
    const r = check?.resolution;
    const base: ServerReport = {
      name: s.name, file: s.file, line: (s.nameRange ?? s.range).start.line + 1, client: CLIENT_LABELS[s.client], transport: transportLabel(s.transport), status: 'skipped',
      ...(r && check && { command: { command: r.command, resolution: r.kind, ...('path' in r && { path: r.path }), ...('manager' in r && r.manager && { manager: r.manager }), clientPath: { source: check.clientPath.source, why: check.clientPath.why } } }),
    };
    const skipped = skipReason(s, noStart);
    if (skipped) {
      // not started, but a command its client cannot find is still an error
      const predicted = r && (r.kind === 'missing' || r.kind === 'shell-only') && !s.options.disabled ? explainStartFailure(s, `spawn ${r.command} ENOENT`, [], check) : undefined;
      return { ...base, reason: skipped, ...(predicted && { explanation: shown(predicted) }) };
    }
    const run = started.get(s.id);
    if (!run || run.state !== 'running') {
      const message = run?.message ?? 'not started';
      const e = explainStartFailure(s, message, run?.stderr ?? [], check);
      return { ...base, status: 'failed', reason: message, ...(e && { explanation: shown(e) }) };
    }
    return { ...base, status: 'started', ...(run.info && { serverInfo: run.info }), ...(run.tools !== undefined && { tools: run.tools }) };
  });
  return {
    path: f.path, client: CLIENT_LABELS[f.client], scope: f.workspaceFolder ? 'local' : f.scope,
    lint: {
      errors: findings.filter((x) => x.severity === 'error').length,
      warnings: findings.filter((x) => x.severity === 'warning').length,
      findings: findings.map((x) => ({ line: x.range.start.line + 1, column: x.range.start.character + 1, severity: x.severity, code: x.code, message: x.message })),
    },
    servers,
  };
}

/** An explanation with its location as `file:line:column`. */
function shown(e: StartExplanation): ServerReport['explanation'] {
  return { cause: e.cause, problem: e.problem, fix: e.fix, ...(e.at && { at: formatLocation(e.at), field: e.at.field }) };
}

/** The human report. */
export function printConfigDoctor(files: FileReport[], io: Io): void {
  const count = { started: 0, failed: 0, skipped: 0 };
  let lintErrors = 0;
  for (const f of files) {
    io.out(`${f.path}  (${f.client}, ${f.scope})`);
    lintErrors += f.lint.errors;
    if (f.lint.findings.length) {
      io.out(`  lint: ${f.lint.errors} error${f.lint.errors === 1 ? '' : 's'}, ${f.lint.warnings} warning${f.lint.warnings === 1 ? '' : 's'}`);
      for (const x of f.lint.findings) io.out(`    ${x.line}:${x.column}  ${x.severity}  ${x.code}  ${x.message}`);
    }
    for (const s of f.servers) {
      count[s.status]++;
      const via = s.command?.path ? `  (${s.command.command} → ${s.command.path})` : '';
      if (s.status === 'started') io.out(`  ${s.name}: started${s.serverInfo ? `: ${s.serverInfo.name} ${s.serverInfo.version}` : ''}${s.tools !== undefined ? `, ${s.tools} tool${s.tools === 1 ? '' : 's'}` : ''}${via}`);
      else if (s.status === 'skipped') io.out(`  ${s.name}: skipped: ${s.reason}`);
      else io.out(`  ${s.name}: FAILED: ${s.reason?.split('\n')[0]}`);
      if (s.status !== 'failed' && s.command?.manager && s.command.path) {
        io.out(`    note: ${s.command.command} is found only through ${s.command.manager}, whose folder your shell's init file adds to PATH: ${s.command.clientPath.why}; a client that does not read that file needs "command": ${JSON.stringify(s.command.path)}`);
      }
      if (s.explanation) {
        if (s.explanation.at) io.out(`    at ${s.explanation.at} "${s.explanation.field}"`);
        io.out(`    why: ${s.explanation.problem}`);
        io.out(`    fix: ${s.explanation.fix}`);
      }
    }
  }
  io.out(`\n${files.length} config file${files.length === 1 ? '' : 's'}: ${count.started} started, ${count.failed} failed, ${count.skipped} skipped; ${lintErrors} lint error${lintErrors === 1 ? '' : 's'}`);
}
