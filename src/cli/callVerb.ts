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
import { configChoice, SERVER_ARGUMENT, timeoutMs, type PositionalDecl } from './options';
import { resolveOn, withServer } from './session';

/** What one call verb declares. */
export interface CallVerb {
  name: string;
  kind: CallKind;
  summary: string;
  /** The second positional: what is called. */
  target: PositionalDecl;
  /** Whose arguments `--args` gives, for the help: `the tool's`. */
  whose: string;
  /** The `--timeout` default, seconds. */
  timeoutSeconds?: number;
  failure: string;
  /** What failed, for the message: `calling echo on "everything"`. */
  doing(name: string, server: string): string;
  /** The text output of a result (`--json` prints the raw result instead). */
  text(outcome: Extract<CallOutcome, { kind: 'result' }>): string;
  /** Results larger than this are printed cut (default 1 MB). */
  limitBytes?: number;
}

/** A CLI verb that runs one call of `v.kind` through the pipeline. */
export function callVerb(v: CallVerb): CliCommand {
  return defineCommand({
    name: v.name,
    summary: v.summary,
    positionals: [SERVER_ARGUMENT, v.target],
    options: callOptions(v.whose, v.timeoutSeconds),
    failure: v.failure,
    async run(values, [serverName, name], io) {
      const given = await givenArguments(values, io);
      const ms = timeoutMs(values.timeout);
      return withServer(io, v.name, serverName, { timeoutMs: ms, choice: configChoice(values) }, async (server) => {
        const target = resolveOn(server, v.kind, name);
        let form;
        try {
          form = callForm(target);
        } catch (e) {
          throw new UsageError(`"${name}" is not a valid URI template: ${(e as Error).message}`);
        }
        const filled = await fillArguments(form.plan, given, { validate: !values['no-validate'], streams: io.terminal });
        if ('error' in filled) {
          io.err(`mcp-devtools ${v.name}: ${name}: ${filled.error}`);
          return 2;
        }
        const outcome = await runCall(server.registry, target, filled.args, { timeoutMs: ms, limitBytes: v.limitBytes });
        if (outcome.kind === 'failed') {
          io.err(`mcp-devtools ${v.name}: ${v.doing(outcome.uri ?? name, serverName)} failed: ${outcome.error}`);
          return 1;
        }
        io.out(values.json ? JSON.stringify(outcome.raw, null, 2) : v.text(outcome));
        return outcome.rendered.isError ? 1 : 0;
      });
    },
  });
}
