/**
 * How a verb declares its command line: its positional arguments and its options, each with a
 * one-line help, in one table. `node:util` `parseArgs` parses against the table (strict: an
 * unknown option is a usage error; `--name=value` and `--name value` both work), and the help
 * (`help.ts`) is generated from the same table, so the two cannot drift.
 *
 * The options several verbs share are declared here once: the config options, `--json`, and the
 * one timeout convention, `--timeout <seconds>`.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_MAX_MESSAGE_BYTES, MIB } from '../core/connection/limits';
import { UsageError } from './io';

/** One option: `--name` (and `-short`), a flag or a string value. */
export interface OptionDecl {
  type: 'string' | 'boolean';
  /** May be given more than once (the values come back as an array, in order). */
  multiple?: boolean;
  /** One letter: `-f` for `--format`. */
  short?: string;
  /** How help names a string option's value: `<seconds>`, `<file>`. Default `<value>`. */
  value?: string;
  /** The value when the option is not given (a string option's). */
  default?: string;
  /** The only values a string option accepts; anything else is a usage error. */
  choices?: readonly string[];
  /** One line for the help: what it does, and its unit. */
  help: string;
}

/** The options of a verb, by long name (without `--`). */
export type OptionTable = Readonly<Record<string, OptionDecl>>;

/** One positional argument of a verb. */
export interface PositionalDecl {
  /** Shown as `<name>`. */
  name: string;
  help: string;
  /** May be left out (only the last ones may be). */
  optional?: boolean;
  /** Takes every remaining argument (the last one only). */
  variadic?: boolean;
}

/** What `parseArgs` gives for a table: `boolean`, `string` (one of `choices` when declared), an array when `multiple`, absent when not given. */
export type OptionValues<O extends OptionTable> = {
  -readonly [K in keyof O]?: O[K] extends { multiple: true } ? OptionValue<O[K]>[] : OptionValue<O[K]>;
};
type OptionValue<D> = D extends { type: 'boolean' } ? boolean : D extends { choices: readonly (infer C extends string)[] } ? C : string;

/** `-h, --help`: every verb has it; the CLI answers it before the verb runs. */
export const HELP_OPTION = { help: { type: 'boolean', short: 'h', help: 'show this help' } } as const satisfies OptionTable;

/** Where the config files come from: `--config <file>` (repeatable), `--as <format-id>`, `--user`. */
export const CONFIG_OPTIONS = {
  config: { type: 'string', multiple: true, value: '<file>', help: 'read exactly this config file instead of walking up from the current folder' },
  as: { type: 'string', value: '<format-id>', help: 'the format of the --config files, when their names do not say it' },
  user: { type: 'boolean', help: 'also read every client\'s user-scope config files' },
} as const satisfies OptionTable;

/** `--json`: the raw data instead of text. */
export const JSON_OPTION = { json: { type: 'boolean', help: 'print JSON instead of text' } } as const satisfies OptionTable;

/**
 * `--verbose`: when a server fails, also its log (lifecycle, stderr, and the JSON-RPC messages it
 * exchanged); and every step of an OAuth sign-in on stderr (secrets masked).
 */
export const VERBOSE_OPTION = {
  verbose: { type: 'boolean', help: 'when a server fails, also print its log: what the connection did, its stderr, and every JSON-RPC message exchanged; and log every step of an OAuth sign-in (secrets redacted)' },
} as const satisfies OptionTable;

/** The `--timeout` default of the verbs that start servers and list or read, seconds. */
export const DEFAULT_TIMEOUT_SECONDS = 30;
/** The `--timeout` default of `call` and `prompt`, seconds (as the extension's `mcpDevtools.calls.timeoutSeconds`). */
export const CALL_TIMEOUT_SECONDS = 60;

/**
 * `--timeout <seconds>`, the one timeout of every verb that starts servers: how long each server
 * may take to start (connect and `initialize`), and then how long each request may take
 * (its lists, the call, the read).
 */
export function timeoutOption(defaultSeconds: number) {
  return {
    timeout: { type: 'string', value: '<seconds>', default: String(defaultSeconds), help: 'seconds each server may take to start, and then each request it answers' },
  } as const satisfies OptionTable;
}

/** `--timeout` in milliseconds. @throws UsageError for a value that is not a positive number of seconds */
export function timeoutMs(seconds: string | undefined): number {
  const s = Number(seconds);
  if (seconds === undefined || !(s > 0)) throw new UsageError(`--timeout needs a positive number of seconds, not "${seconds}"`);
  return s * 1000;
}

/**
 * `--max-message-mib <MiB>`, for the verbs that fetch a result (`call`, `prompt`, `read`): the
 * largest message a stdio server may send; the default is the MCP SDK's limit.
 */
export const MESSAGE_LIMIT_OPTION = {
  'max-message-mib': { type: 'string', value: '<MiB>', default: String(DEFAULT_MAX_MESSAGE_BYTES / MIB), help: 'the largest message a stdio server may send, in MiB (a larger result ends the session with an error)' },
} as const satisfies OptionTable;

/** `--max-message-mib` in bytes. @throws UsageError for a value that is not a positive number */
export function maxMessageBytes(mib: string | undefined): number {
  const n = Number(mib);
  if (mib === undefined || !(n > 0)) throw new UsageError(`--max-message-mib needs a positive number of MiB, not "${mib}"`);
  return Math.round(n * MIB);
}

/** Which config files a verb reads (see `configs.ts`). */
export interface ConfigChoice {
  /** `--config` files as given (relative to the working directory); empty: walk up from it. */
  configs: string[];
  /** `--as`: the format id of every `--config` file. */
  as?: string;
  /** `--user`: add every client's user-scope files. */
  user: boolean;
}

/** The {@link ConfigChoice} of parsed {@link CONFIG_OPTIONS}. @throws UsageError for `--as` without `--config` */
export function configChoice(values: { config?: string[]; as?: string; user?: boolean }): ConfigChoice {
  const configs = values.config ?? [];
  if (values.as !== undefined && !configs.length) throw new UsageError('--as names the format of the --config files: give --config <file> too');
  return { configs, as: values.as, user: values.user ?? false };
}

/**
 * `args` parsed against `options`: unknown options, missing values and values outside `choices`
 * are usage errors. Positionals are checked by {@link checkPositionals}. What follows the first
 * `--` comes back whole as `command` (a server's command line), not as positionals.
 * @throws UsageError saying which
 */
export function parseCommandLine<O extends OptionTable>(args: string[], options: O): { values: OptionValues<O>; positionals: string[]; command?: string[] } {
  let parsed;
  try {
    // parseArgs refuses keys it does not know and keys set to undefined: pass only what it reads.
    const config = Object.fromEntries(Object.entries(options).map(([name, { type, multiple, short, default: value }]) => [name, {
      type, ...(multiple && { multiple }), ...(short !== undefined && { short }), ...(value !== undefined && { default: value }),
    }]));
    parsed = parseArgs({ args, options: config, allowPositionals: true, strict: true, tokens: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  for (const [name, o] of Object.entries(options)) {
    const given = parsed.values[name];
    for (const v of Array.isArray(given) ? given : given === undefined ? [] : [given]) {
      if (o.choices && !o.choices.includes(String(v))) throw new UsageError(`--${name} must be ${orList(o.choices)}, not "${String(v)}"`);
    }
  }
  // Everything after the first `--` is a server's command line (`list -- node build/index.js`), not positionals.
  const end = parsed.tokens.find((t) => t.kind === 'option-terminator');
  if (!end) return { values: parsed.values as OptionValues<O>, positionals: parsed.positionals };
  const positionals = parsed.tokens.flatMap((t) => (t.kind === 'positional' && t.index < end.index ? [t.value] : []));
  return { values: parsed.values as OptionValues<O>, positionals, command: args.slice(end.index + 1) };
}

/** @throws UsageError when a required positional is missing, or there are more than `declared` takes */
export function checkPositionals(given: readonly string[], declared: readonly PositionalDecl[]): void {
  const required = declared.filter((p) => !p.optional);
  if (given.length < required.length) throw new UsageError(`needs ${andList(required.slice(given.length).map((p) => `<${p.name}>`))}`);
  if (!declared.some((p) => p.variadic) && given.length > declared.length) throw new UsageError(`unexpected argument "${given[declared.length]}"`);
}

const andList = (items: readonly string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);
const orList = (items: readonly string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`);
