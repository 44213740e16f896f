import { Writable } from 'node:stream';
import { neutraliseControls } from '../core/controlChars';
import type { PromptStreams } from './formPrompter';
import type { OptionTable, OptionValues, PositionalDecl } from './options';

/** What a CLI command may touch: output streams, the working directory, the environment and the terminal. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /**
   * Where to ask the user (missing arguments, elicitation, sampling): set when stdin and stderr
   * are terminals. Without it the CLI never asks, and declares neither elicitation nor sampling.
   */
  terminal?: PromptStreams;
  /**
   * One status line on stderr that each call rewrites (`undefined` clears it): set when stderr is a
   * terminal. Without it, a status is printed with {@link err}, one line each.
   */
  statusLine?: (text: string | undefined) => void;
}

/**
 * `io` whose every output (stdout, stderr and the terminal's questions) has its control characters
 * neutralised ({@link neutraliseControls}): servers and config files are hostile input, and their
 * names, descriptions, errors and stderr must not drive the user's terminal. Applied once, where
 * the CLI starts ({@link main}), so no verb can forget it. JSON output stays valid JSON.
 */
export function controlSafeIo(io: Io): Io {
  const terminal = io.terminal && {
    input: io.terminal.input,
    output: new Writable({
      decodeStrings: false,
      write(chunk: string | Buffer, _encoding, done) {
        io.terminal!.output.write(neutraliseControls(chunk.toString()), done);
      },
    }),
  };
  const statusLine = io.statusLine && ((text: string | undefined) => io.statusLine!(text === undefined ? undefined : neutraliseControls(text).replace(/\n/g, ' ')));
  return { ...io, out: (text) => io.out(neutraliseControls(text)), err: (text) => io.err(neutraliseControls(text)), terminal, statusLine };
}

/** The most of a description's first line the text output shows, characters. */
const SUMMARY_MAX_CHARS = 100;

/** A description in one line for the text output: its first line, at most {@link SUMMARY_MAX_CHARS}. */
export function summaryLine(description: string): string {
  return description.split('\n')[0].slice(0, SUMMARY_MAX_CHARS);
}

/**
 * One verb of `mcp-devtools`, declared: its command line (positionals and options, each with its
 * help) and what it does with them. The CLI parses the command line against the declaration,
 * answers `--help` from it, and calls {@link run} with the parsed values.
 */
export interface CliCommand<O extends OptionTable = OptionTable> {
  name: string;
  /** One line: what the verb does. */
  summary: string;
  positionals: readonly PositionalDecl[];
  /** Every option the verb reads (`--help` is added for every verb). */
  options: O;
  /** What exit code 1 means for this verb (0 is success, 2 a usage or I/O error). */
  failure: string;
  /**
   * Takes a server with no config file (`adHoc.ts`): a URL in place of `<server>`, or a command
   * line after `--` (the `<server>` positional is then left out).
   */
  adHoc?: boolean;
  /**
   * Returns the exit code. Throws {@link UsageError} for bad arguments. `command` is what followed
   * `--` (only for an {@link adHoc} verb; `[]` for a bare `--`).
   */
  run(values: OptionValues<O>, positionals: string[], io: Io, command?: string[]): Promise<number>;
}

/** A {@link CliCommand} with its option values typed from its table, kept as a plain command for the list of verbs. */
export function defineCommand<const O extends OptionTable>(command: CliCommand<O>): CliCommand {
  return command as unknown as CliCommand;
}

/** Bad command-line arguments: the CLI prints the message and the usage, and exits 2. */
export class UsageError extends Error {}

/**
 * A server's fault, not the user's (a list it answered with a malformed result, say): the CLI
 * prints the message without the usage and exits 1. Exit 2 stays for the user's mistakes.
 */
export class ServerFault extends Error {}
