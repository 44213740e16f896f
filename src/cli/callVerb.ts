/**
 * `call`, `prompt` and `read`: one verb shape over the core's call pipeline (`core/calls`). Each
 * starts one configured server, resolves the target in its lists, fills the arguments through the
 * form planner (asking for missing required fields on a terminal, otherwise validating what
 * `--args`/`--args-file` gave), runs the request with `--timeout`, and prints the result (`--json`:
 * the raw result). The verbs differ only in what they call and how the text output looks.
 *
 * Exit codes: 0 done; 1 the result has `isError`, the request failed, or the server failed to
 * start; 2 usage error or invalid arguments.
 *
 * Pure core: no `vscode` import.
 */
import { callForm, type CallKind } from '../core/calls/target';
import { runCall, type CallOutcome } from '../core/calls/run';
import { callOptions, fillArguments, givenArguments } from './callArgs';
import { defineCommand, UsageError, type CliCommand } from './io';
import { ADHOC_OPTIONS, ADHOC_SERVER_ARGUMENT, oneServer } from './adHoc';
import { CALL_TIMEOUT_SECONDS, configChoice, maxMessageBytes, timeoutMs, type PositionalDecl } from './options';
import { resolveOn, withServer } from './session';
import { sessionFlags } from './sessionOptions';
import { SAVE_OPTION, saveCall } from './save';
import { TASK_OPTIONS, taskStatusReporter, taskUse } from './taskStatus';

/** What one call verb declares (the words that depend only on the kind are in {@link WORDS}). */
export interface CallVerb {
  summary: string;
  /** The second positional: what is called. */
  target: PositionalDecl;
  /** The text output of a result (`--json` prints the raw result instead). */
  text(outcome: Extract<CallOutcome, { kind: 'result' }>): string;
  /** The `--timeout` default, seconds (default {@link CALL_TIMEOUT_SECONDS}). */
  timeoutSeconds?: number;
  /** Results larger than this are printed cut (default 1 MB). */
  limitBytes?: number;
}

/** Per kind: whose arguments `--args` gives (for the help), what exit code 1 means, and what failed (`calling echo on "everything"`). */
const WORDS: Record<CallKind, { whose: string; failure: string; doing: (name: string, server: string) => string }> = {
  tool: { whose: 'the tool\'s', failure: 'the result has isError, the call failed, or the server failed (to start, or to list its tools)', doing: (n, s) => `calling ${n} on "${s}"` },
  prompt: { whose: 'the prompt\'s', failure: 'the request failed, or the server failed (to start, or to list its prompts)', doing: (n, s) => `getting ${n} from "${s}"` },
  resourceTemplate: { whose: 'the URI template\'s', failure: 'the server failed to start or the read failed', doing: (n, s) => `reading ${n} from "${s}"` },
};

/** The CLI verb `name` that runs one call of `kind` through the pipeline. */
export function callVerb(name: string, kind: CallKind, v: CallVerb): CliCommand {
  const words = WORDS[kind];
  return defineCommand({
    name,
    summary: v.summary,
    positionals: [ADHOC_SERVER_ARGUMENT, v.target],
    // `--task` / `--no-task` for tools only (prompts and reads are never tasks)
    options: { ...callOptions(words.whose, v.timeoutSeconds ?? CALL_TIMEOUT_SECONDS), ...(kind === 'tool' ? TASK_OPTIONS : {}), ...(kind !== 'resourceTemplate' ? SAVE_OPTION : {}), ...ADHOC_OPTIONS },
    failure: words.failure,
    adHoc: true,
    async run(values, positionals, io, command) {
      const { server: chosen, rest: [targetName] } = oneServer(values, positionals, command, io);
      const serverName = typeof chosen === 'string' ? chosen : chosen.name;
      const given = await givenArguments(values, io);
      const tasks = taskUse(values as { task?: boolean; 'no-task'?: boolean });
      const ms = timeoutMs(values.timeout);
      return withServer(io, name, chosen, { timeoutMs: ms, maxMessageBytes: maxMessageBytes(values['max-message-mib']), choice: configChoice(values), flags: sessionFlags(values, io) }, async (server) => {
        const target = resolveOn(server, kind, targetName);
        let form;
        try {
          form = callForm(target);
        } catch (e) {
          throw new UsageError(`"${targetName}" is not a valid URI template: ${(e as Error).message}`);
        }
        const filled = await fillArguments(form.plan, given, { validate: !values['no-validate'], streams: io.terminal });
        if ('error' in filled) {
          io.err(`mcp-devtools ${name}: ${targetName}: ${filled.error}`);
          return 2;
        }
        const status = taskStatusReporter(io);
        const outcome = await runCall(server.registry, target, filled.args, { timeoutMs: ms, limitBytes: v.limitBytes, tasks, onprogress: status.onprogress });
        status.end();
        if (outcome.kind === 'failed') {
          io.err(`mcp-devtools ${name}: ${words.doing(outcome.uri ?? targetName, serverName)} failed: ${outcome.error}`);
          return 1;
        }
        io.out(values.json ? JSON.stringify(outcome.raw, null, 2) : v.text(outcome));
        const save = (values as { save?: string }).save;
        if (save !== undefined && kind !== 'resourceTemplate') {
          await saveCall(save, io, { kind, name: targetName, server: server.snapshot.definition, arguments: filled.args, raw: outcome.raw, redact: (t) => server.registry.redact(server.id, t) });
        }
        return outcome.rendered.isError ? 1 : 0;
      });
    },
  });
}
