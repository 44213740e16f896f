/**
 * What `call`, `prompt` and `read` share: their options (`--args <json>`, `--args-file <file>`,
 * `--no-validate`, `--json`, `--timeout <seconds>` and the config options), reading the arguments
 * given, and filling them through the form planner (asking for missing required fields on a
 * terminal, otherwise validating what was given).
 *
 * Pure core: no `vscode` import.
 */
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { FormDriver, humanPath, validateArguments, type FormPlan, type ValidationIssue } from '../core/forms';
import { promptForm, type PromptStreams } from './formPrompter';
import { UsageError, type Io } from './io';
import { CALL_TIMEOUT_SECONDS, CONFIG_OPTIONS, JSON_OPTION, MESSAGE_LIMIT_OPTION, timeoutOption, type OptionTable } from './options';
import { SESSION_OPTIONS } from './sessionOptions';

/** The options of `call`, `prompt` and `read`; `what` names the arguments in the help (`the tool's`). */
export function callOptions(what: string, timeoutSeconds: number = CALL_TIMEOUT_SECONDS) {
  return {
    args: { type: 'string', value: '<json>', help: `${what} arguments, a JSON object` },
    'args-file': { type: 'string', value: '<file>', help: `a file holding ${what} arguments as a JSON object` },
    'no-validate': { type: 'boolean', help: 'send the arguments even when they do not fit the schema' },
    ...JSON_OPTION,
    ...timeoutOption(timeoutSeconds),
    ...MESSAGE_LIMIT_OPTION,
    ...CONFIG_OPTIONS,
    // --no-auth-flow, --no-browser, --elicit and --verbose (VERBOSE_OPTION).
    ...SESSION_OPTIONS,
  } as const satisfies OptionTable;
}

/**
 * The JSON object of `--args` or `--args-file` (read relative to `io.cwd`), or `undefined` when neither is given.
 * @throws UsageError for both given, bad JSON, a value that is not an object, or an unreadable file
 */
export async function givenArguments(values: { args?: string; 'args-file'?: string }, io: Io): Promise<Record<string, unknown> | undefined> {
  const file = values['args-file'];
  if (values.args !== undefined && file !== undefined) throw new UsageError('give --args or --args-file once');
  let text = values.args;
  const from = file ?? '--args';
  if (file !== undefined) {
    try {
      text = await readFile(path.resolve(io.cwd, file), 'utf8');
    } catch (e) {
      throw new UsageError(`cannot read --args-file ${file}: ${(e as Error).message}`);
    }
  }
  if (text === undefined) return undefined;
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${from} is not JSON: ${(e as Error).message}`);
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new UsageError(`${from} must be a JSON object of arguments`);
  return v as Record<string, unknown>;
}

/** `/message is required; /count must be <= 10` */
export function describeIssues(issues: readonly ValidationIssue[]): string {
  return issues.map((i) => `${humanPath(i.pointer)} ${i.message}`).join('; ');
}

/**
 * The arguments to send. On a terminal (`streams` given), missing required fields are asked
 * through the form driver (and a field the final validation refuses is asked again); otherwise
 * the given arguments are validated as they are.
 * @returns the arguments, or a message saying what is wrong (the caller prints it and exits 2)
 */
export async function fillArguments(plan: FormPlan, given: Record<string, unknown> | undefined, o: { validate: boolean; streams?: PromptStreams }): Promise<{ args: Record<string, unknown> } | { error: string }> {
  const initial = given ?? {};
  if (o.streams) {
    const driver = new FormDriver(plan, { initial, ask: 'missing' });
    if (!driver.done) {
      const outcome = await promptForm(driver, o.streams);
      if (outcome === 'cancelled') return { error: 'cancelled: no input' };
    }
    const r = driver.finish();
    if (r.ok || !o.validate) return { args: driver.arguments() as Record<string, unknown> };
    return { error: `invalid arguments: ${describeIssues(r.issues)}` };
  }
  if (!o.validate) return { args: initial };
  const r = validateArguments(plan, initial);
  if (r.valid) return { args: initial };
  return { error: `invalid arguments: ${describeIssues(r.issues)} (pass them with --args, run in a terminal to be asked, or add --no-validate to send them anyway)` };
}
