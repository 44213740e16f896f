/**
 * `mcp-devtools copy <server> --to <format-id>`: writes a configured server into another client's
 * file in that client's dialect (`core/config/copy`): the format's default file (the project's
 * under the folder found, or the user's) or `--file`. `--dry-run` prints the unified diff instead
 * (secrets redacted). What the target writes differently or cannot express is said on stderr, one
 * line each; so are the target linter's findings on the copied server.
 *
 * Exit codes: 0 copied (or the diff printed); 1 the target cannot hold the server (a remote server
 * for Claude Desktop, …); 2 usage or I/O error, a name taken in the target without `--force` or
 * `--name`.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { CopyError, defaultTargetPath, NameClashError, planCopy, unifiedDiff, type CopyPlan } from '../core/config/copy';
import { discoveryEnvFromProcess } from '../core/config/env';
import { ALL_FORMATS } from '../core/config/formats';
import { formatIdForPath } from '../core/config/formatForPath';
import { CLIENT_LABELS, type ServerDefinition } from '../core/config/model';
import { lint } from '../core/lint';
import { isCredentialName, Redactor } from '../core/secrets';
import { loadConfigs } from './configs';
import { defineCommand, ServerFault, UsageError, type Io } from './io';
import { CONFIG_OPTIONS, configChoice } from './options';

const FORMAT_IDS = () => ALL_FORMATS.map((f) => f.id).join(', ');

/** The literal secrets of a server (credential-named env values and headers), for redacting the diff. */
function secretsOf(def: ServerDefinition): string[] {
  const t = def.transport;
  if (!t) return [];
  const named = t.kind === 'stdio' ? Object.entries(t.env).map(([k, v]) => [k, v.value ?? ''] as const) : Object.entries(t.headers).map(([k, v]) => [k, v.value] as const);
  return named.filter(([k, v]) => isCredentialName(k) && !v.includes('$')).map(([, v]) => v);
}

/** Findings of the target's linter on the copied server only (the file's other servers are not this copy's business). */
function lintCopied(plan: CopyPlan, io: Io): string[] {
  const copied = plan.format.read(plan.after, plan.path).servers.find((s) => s.name === plan.name && s.project === undefined);
  if (!copied) return [];
  const { offset, length } = copied.range;
  const within = (o: number) => o >= offset && o <= offset + length;
  return lint(plan.after, plan.path, { format: plan.format.id, env: io.env, cwd: io.cwd })
    .filter((f) => f.severity !== 'info' && (within(f.range.offset) || (copied.nameRange && f.range.offset === copied.nameRange.offset)))
    .map((f) => `${f.severity}: ${path.relative(io.cwd, plan.path) || plan.path}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.message} [${f.code}]`);
}

export const copyCommand = defineCommand({
  name: 'copy',
  summary: 'copy a configured server into another client\'s config file, written in that client\'s dialect (type words, URL keys, variables, timeouts), comments kept; --dry-run prints the diff',
  positionals: [{ name: 'server', help: 'the name of a server configured here (in the nearest folder with MCP config files, or the --config files)' }],
  options: {
    to: { type: 'string', value: '<format-id>', help: 'the target client\'s format: claude-code-project, codex-project, cursor-project, vscode-workspace, … (mcp-devtools lint --as lists them)' },
    file: { type: 'string', value: '<file>', help: 'the file to write (default: the format\'s project file under the folder found, or its user file)' },
    name: { type: 'string', value: '<name>', help: 'the name to give the server in the target (default: its own)' },
    force: { type: 'boolean', help: 'replace a server of the same name in the target' },
    'dry-run': { type: 'boolean', help: 'print the unified diff of the target file; write nothing' },
    ...CONFIG_OPTIONS,
  },
  failure: 'the target client cannot hold the server (a transport it cannot reach from its file)',
  async run(values, [serverName], io) {
    const to = values.to;
    if (to === undefined) throw new UsageError(`--to <format-id> is required; one of: ${FORMAT_IDS()}`);
    if (!ALL_FORMATS.some((f) => f.id === to)) throw new UsageError(`unknown format id "${to}"; known: ${FORMAT_IDS()}`);
    const configs = await loadConfigs(io, configChoice(values));
    const env = discoveryEnvFromProcess();
    const given = values.file === undefined ? undefined : path.resolve(io.cwd, values.file);
    if (given) {
      const named = formatIdForPath(given, env);
      if (named && named !== to) throw new UsageError(`--file ${values.file} is a ${named} file, not ${to}: name a ${to} file, or use --to ${named}`);
    }
    const all = configs.files.flatMap((f) => f.servers.map((s) => ({ s, f })));
    const matches = all.filter(({ s }) => s.name === serverName);
    if (!matches.length) throw new UsageError(`no server named "${serverName}" is configured ${configs.describe()}${all.length ? ` (configured: ${[...new Set(all.map(({ s }) => s.name))].join(', ')})` : ' (no MCP config file found)'}`);
    const target = given ?? defaultTargetPath(to, configs.folder, env, values.name ?? serverName);
    if (!target) throw new UsageError(`${to} has no default file: name one with --file`);
    // Copying from the target file itself makes no sense: prefer a definition elsewhere.
    const { s: def, f: file } = matches.find(({ f }) => f.path !== target) ?? matches[0];
    if (matches.length > 1) io.err(`note: "${serverName}" is defined in ${matches.length} files; copying the one in ${path.relative(io.cwd, file.path) || file.path} (name the file with --config to pick another)`);
    let text = '';
    try {
      text = await readFile(target, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new UsageError(`cannot read the target file ${target}: ${(e as Error).message}`);
    }
    let plan: CopyPlan;
    try {
      plan = planCopy({ source: { def, inputs: file.inputs, workspaceFolder: configs.workspaceFolder(def), home: env.home }, to, path: target, text, name: values.name, replace: values.force });
    } catch (e) {
      if (e instanceof NameClashError) throw new UsageError(`${path.relative(io.cwd, target) || target} already has a server "${e.name}": give another name with --name, or replace it with --force`);
      if (e instanceof CopyError) throw new ServerFault(`cannot copy "${serverName}" to ${to}: ${e.message}`);
      throw e;
    }
    const shown = path.relative(io.cwd, target) || target;
    for (const n of plan.notes) io.err(`${n.severity === 'warning' ? 'warning' : 'note'}: ${n.message}`);
    for (const line of lintCopied(plan, io)) io.err(line);
    if (values['dry-run']) {
      const redactor = new Redactor(secretsOf(def));
      const diff = unifiedDiff(plan.before, plan.after, shown.split(path.sep).join('/'));
      if (diff) io.out(diff.split('\n').map((l) => redactor.redact(l)).join('\n'));
      return 0;
    }
    try {
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, plan.after);
    } catch (e) {
      throw new UsageError(`cannot write ${target}: ${(e as Error).message}`);
    }
    io.out(`${plan.replaced ? 'replaced' : 'copied'} "${serverName}" into ${shown} (${CLIENT_LABELS[plan.format.client]}) as "${plan.name}"`);
    return 0;
  },
});
