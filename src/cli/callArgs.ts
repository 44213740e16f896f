/**
 * Options and arguments shared by `call` and `prompt`: `--args JSON`, `--args-file F`, `--json`,
 * `--timeout <s>`, `--no-validate`, and the config options (`--config`, `--as`, `--user`); and filling the arguments through the form planner (asking
 * for missing required fields on a terminal, otherwise validating what was given).
 *
 * Pure core: no `vscode` import.
 */
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { FormDriver, humanPath, validateArguments, type FormPlan, type ValidationIssue } from '../core/forms';
import { promptForm, type PromptStreams } from './formPrompter';
import { UsageError, type Io } from './io';
import { CONFIG_OPTIONS, configChoice, OUTPUT_OPTIONS, parseCommandLine, timeoutMs, type ConfigChoice } from './options';

export interface CallOptions {
  names: string[];
  json: boolean;
  timeoutMs: number;
  /** From `--args` or `--args-file`: a JSON object. */
  args?: Record<string, unknown>;
  validate: boolean;
  /** Which config files to read. */
  choice: ConfigChoice;
}

/** @throws UsageError for unknown options, bad JSON, an unreadable file, or more than `maxNames` names */
export async function parseCallOptions(argv: string[], io: Io, maxNames: number): Promise<CallOptions> {
  const { values, positionals } = parseCommandLine(argv, {
    ...OUTPUT_OPTIONS, ...CONFIG_OPTIONS,
    args: { type: 'string' }, 'args-file': { type: 'string' }, 'no-validate': { type: 'boolean' },
  });
  if (positionals.length > maxNames) throw new UsageError(`unexpected argument "${positionals[maxNames]}"`);
  const o: CallOptions = { names: positionals, json: values.json ?? false, timeoutMs: timeoutMs(values.timeout, 60_000), validate: !values['no-validate'], choice: configChoice(values) };
  if (values.args !== undefined && values['args-file'] !== undefined) throw new UsageError('give --args or --args-file once');
  let text = values.args;
  const from = values['args-file'] ?? '--args';
  if (values['args-file'] !== undefined) {
    try {
      text = await readFile(path.resolve(io.cwd, values['args-file']), 'utf8');
    } catch (e) {
      throw new UsageError(`cannot read --args-file ${values['args-file']}: ${(e as Error).message}`);
    }
  }
  if (text !== undefined) {
    let v: unknown;
    try {
      v = JSON.parse(text);
    } catch (e) {
      throw new UsageError(`${from} is not JSON: ${(e as Error).message}`);
    }
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new UsageError(`${from} must be a JSON object of arguments`);
    o.args = v as Record<string, unknown>;
  }
  return o;
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
