/**
 * `mcp-devtools`: the headless command line over the same pure core as the extension.
 *
 * Exit codes (ESLint's convention): 0 success, 1 the command found errors, 2 usage or I/O error.
 */
import { neutraliseControls } from '../core/controlChars';
import { VERSION } from '../core/version';
import { COMMANDS } from './commands';
import { commandHelp, MAIN_OPTIONS, mainHelp, synopsis } from './help';
import { controlSafeIo, ServerFault, UsageError, type CliCommand, type Io } from './io';
import { checkPositionals, HELP_OPTION, parseCommandLine } from './options';

/** `arg` is `--name` or `-short` of one of `MAIN_OPTIONS`. */
const isMainOption = (arg: string | undefined, name: keyof typeof MAIN_OPTIONS) => arg === `--${name}` || arg === `-${MAIN_OPTIONS[name].short}`;

/** Runs one command line (without `node cli.js`); resolves with the exit code. Every output goes through {@link controlSafeIo}. */
export async function main(argv: string[], rawIo: Io): Promise<number> {
  const io = controlSafeIo(rawIo);
  const [verb, ...rest] = argv;
  if (verb === undefined || verb === 'help' || isMainOption(verb, 'help')) {
    const named = verb === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    io.out(named ? commandHelp(named) : mainHelp(COMMANDS));
    return verb === undefined ? 2 : 0;
  }
  if (isMainOption(verb, 'version')) {
    io.out(VERSION);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === verb);
  if (!command) {
    io.err(`mcp-devtools: unknown command "${verb}". Run "mcp-devtools --help" for the list.`);
    return 2;
  }
  try {
    return await runCommand(command, rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`mcp-devtools ${command.name}: ${e.message}\nusage: ${synopsis(command)}`);
      return 2;
    }
    if (e instanceof ServerFault) {
      io.err(`mcp-devtools ${command.name}: ${e.message}`);
      return 1;
    }
    io.err(`mcp-devtools ${command.name}: ${(e as Error).message}`);
    return 2;
  }
}

/** Parses `args` against the command's declaration, answers `--help`, else runs the command. */
async function runCommand(command: CliCommand, args: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseCommandLine(args, { ...command.options, ...HELP_OPTION });
  } catch (e) {
    // `--help` wins over a command line that does not parse (`call --args --help`).
    if (!(e instanceof UsageError && args.some((a) => a === '--help' || a === '-h'))) throw e;
    parsed = { values: { help: true }, positionals: [] };
  }
  if (parsed.values.help) {
    io.out(commandHelp(command));
    return 0;
  }
  const line = 'command' in parsed ? parsed.command : undefined;
  if (line !== undefined && !command.adHoc) throw new UsageError(`takes no command line after "--" (${command.name} works on config files, not on one server)`);
  // With a command line after `--`, that is the server: <server> is left out (`call echo -- node x`).
  checkPositionals(parsed.positionals, line === undefined ? command.positionals : command.positionals.filter((p) => p.name !== 'server'));
  return command.run(parsed.values, parsed.positionals, io, line);
}

if (require.main === module) {
  main(process.argv.slice(2), {
    out: (s) => process.stdout.write(s + '\n'),
    err: (s) => process.stderr.write(s + '\n'),
    cwd: process.cwd(),
    env: process.env,
    // Questions go to stderr, so stdout stays the result (`list --json > file` can still ask).
    terminal: process.stdin.isTTY && process.stderr.isTTY ? { input: process.stdin, output: process.stderr } : undefined,
    // carriage return and erase-line (ESC [2K) rewrite one line, cut to the terminal's width
    statusLine: process.stderr.isTTY ? (text) => process.stderr.write(text === undefined ? '\r\u001b[2K' : `\r\u001b[2K${text.slice(0, Math.max(10, (process.stderr.columns || 80) - 1))}`) : undefined,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`mcp-devtools: ${neutraliseControls(String((e as Error).stack ?? e))}\n`);
      process.exitCode = 2;
    },
  );
}
