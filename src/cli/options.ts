/**
 * The options the verbs share, declared once and parsed with `node:util` `parseArgs` (strict:
 * an unknown option is a usage error; `--name=value` and `--name value` both work).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './io';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** Where the config files come from: `--config <file>` (repeatable), `--as <format-id>`, `--user`. */
export const CONFIG_OPTIONS = {
  config: { type: 'string', multiple: true },
  as: { type: 'string' },
  user: { type: 'boolean' },
} as const satisfies OptionsConfig;

/** `--json` and `--timeout <seconds>`. */
export const OUTPUT_OPTIONS = {
  json: { type: 'boolean' },
  timeout: { type: 'string' },
} as const satisfies OptionsConfig;

/** The usage text of {@link CONFIG_OPTIONS}. */
export const CONFIG_USAGE = '[--config <file>]… [--as <format-id>] [--user]';

/** Which config files a verb reads (see `configs.ts`). */
export interface ConfigChoice {
  /** `--config` files as given (relative to the working directory); empty: walk up from it. */
  configs: string[];
  /** `--as`: the format id of every `--config` file. */
  as?: string;
  /** `--user`: add every client's user-scope files. */
  user: boolean;
}

/**
 * `args` parsed against `options`, with positionals allowed.
 * @throws UsageError with `parseArgs`' message for an unknown option or a missing value
 */
export function parseCommandLine<O extends OptionsConfig>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** The {@link ConfigChoice} of parsed {@link CONFIG_OPTIONS}. @throws UsageError for `--as` without `--config` */
export function configChoice(values: { config?: string[]; as?: string; user?: boolean }): ConfigChoice {
  const configs = values.config ?? [];
  if (values.as !== undefined && !configs.length) throw new UsageError('--as names the format of the --config files: give --config <file> too');
  return { configs, as: values.as, user: values.user ?? false };
}

/** `--timeout <seconds>` in milliseconds, or `fallbackMs`. @throws UsageError for a value that is not a positive number */
export function timeoutMs(value: string | undefined, fallbackMs: number): number {
  if (value === undefined) return fallbackMs;
  const s = Number(value);
  if (!(s > 0)) throw new UsageError(`--timeout needs a positive number of seconds, not "${value}"`);
  return s * 1000;
}
