/**
 * `mcp-devtools doctor` with no server: the config doctor over every config file found
 * (`configDoctor.ts`). `mcp-devtools doctor <server>`: starts one server (configured, a URL, or the command line after
 * `--`), checks what it sends against the MCP spec and good practice (`core/doctor`), and prints
 * the findings grouped by item (`--json`: `{ server, findings, counts }`). `--call-read-only` also
 * calls the tools annotated read-only that need no arguments and checks their `structuredContent`.
 * The description checks are offline: nothing the server sends goes anywhere.
 *
 * Exit codes: 0 no error found (warnings allowed); 1 an error found, or the server failed to
 * start; 2 usage or I/O error.
 */
import { checkServer, countFindings, showInvisible, type Finding } from '../core/doctor';
import { ADHOC_OPTIONS, ADHOC_SERVER_HELP, oneServer } from './adHoc';
import { configDoctor, printConfigDoctor } from './configDoctor';
import { defineCommand, UsageError, type Io } from './io';
import { CONFIG_OPTIONS, configChoice, DEFAULT_TIMEOUT_SECONDS, timeoutMs, timeoutOption } from './options';
import { withServer } from './session';
import { SESSION_OPTIONS, sessionFlags } from './sessionOptions';

const KIND_WORD: Record<Finding['item']['kind'], string> = { server: 'server', tool: 'tool', prompt: 'prompt', resource: 'resource', resourceTemplate: 'resource template' };

/** The human report: one block per item, its findings under it; then the counts. */
function printFindings(server: string, findings: readonly Finding[], io: Io): void {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = f.item.kind === 'server' ? `server "${server}"` : `${KIND_WORD[f.item.kind]} ${showInvisible(f.item.name)}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  for (const [key, fs] of groups) {
    io.out(key);
    for (const f of fs) io.out(`  ${f.severity.padEnd(7)} ${f.reason}  [${f.id}]`);
  }
  const c = countFindings(findings);
  io.out(`${groups.size ? '\n' : ''}${server}: ${c.error} error${c.error === 1 ? '' : 's'}, ${c.warning} warning${c.warning === 1 ? '' : 's'}, ${c.info} info`);
}

export const doctorCommand = defineCommand({
  name: 'doctor',
  summary: 'with no server: lint every config file found, resolve each command on the PATH its client gives it, start each server as its client would and explain each failure with the config line and a fix; with a server: start it and check what it sends (tool names, schemas, annotations, descriptions, pagination, resources, prompts, hidden instructions in descriptions) against the MCP spec',
  positionals: [{ name: 'server', help: `${ADHOC_SERVER_HELP}; leave it out (and no --) to check every config file found`, optional: true }],
  options: {
    json: { type: 'boolean', help: 'print JSON: { server, findings: [{ id, severity, item: { kind, name }, reason }], counts }; with no server: { files: [{ path, client, scope, lint, servers: [{ name, status, reason, command, explanation }] }] }' },
    'no-start': { type: 'boolean', help: 'with no server: lint and resolve the commands, start nothing' },
    'call-read-only': { type: 'boolean', help: 'also call the tools annotated readOnlyHint that need no arguments, and check their structuredContent against their outputSchema' },
    ...timeoutOption(DEFAULT_TIMEOUT_SECONDS),
    ...CONFIG_OPTIONS,
    ...SESSION_OPTIONS,
    ...ADHOC_OPTIONS,
  },
  adHoc: true,
  failure: 'an error was found, or the server failed to start',
  async run(values, positionals, io, command) {
    const ms = timeoutMs(values.timeout);
    if (!positionals.length && command === undefined) {
      if (values['call-read-only']) throw new UsageError('--call-read-only calls one server\'s tools: name the server');
      if (values.header?.length || values.env?.length || values.cwd !== undefined) throw new UsageError('--header, --env and --cwd go with a server URL or a command line after --');
      const { files, code, where } = await configDoctor(io, { choice: configChoice(values), timeoutMs: ms, flags: sessionFlags(values, io), noStart: !!values['no-start'] });
      if (values.json) io.out(JSON.stringify({ files }, null, 2));
      else if (!files.length) io.err(`No MCP config files found ${where}.`);
      else printConfigDoctor(files, io);
      return files.length ? code : 1;
    }
    if (values['no-start']) throw new UsageError('--no-start goes with no server (the config doctor)');
    const { server } = oneServer(values, positionals, command, io);
    return withServer(io, 'doctor', server, { timeoutMs: ms, choice: configChoice(values), flags: sessionFlags(values, io) }, async ({ registry, id, name, snapshot }) => {
      const findings = await checkServer(registry.client(id), snapshot.info?.capabilities ?? {}, { callReadOnly: !!values['call-read-only'], timeoutMs: ms });
      const counts = countFindings(findings);
      if (values.json) io.out(JSON.stringify({ server: name, findings, counts }, null, 2));
      else printFindings(name, findings, io);
      return counts.error ? 1 : 0;
    });
  },
});
