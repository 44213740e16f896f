/**
 * `mcp-devtools`: the headless command line over the same pure core as the extension.
 *
 * Exit codes (ESLint's convention): 0 success, 1 the command found errors, 2 usage or I/O error.
 */
import { VERSION } from '../core/version';
import { COMMANDS } from './commands';
import { UsageError, type Io } from './io';

export async function main(argv: string[], io: Io): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb === undefined || verb === '--help' || verb === '-h' || verb === 'help') {
    io.out(helpText());
    return verb === undefined ? 2 : 0;
  }
  if (verb === '--version' || verb === '-v') {
    io.out(VERSION);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === verb);
  if (!command) {
    io.err(`mcp-devtools: unknown command "${verb}". Run "mcp-devtools --help" for the list.`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${command.usage}\n\n${command.description}`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`mcp-devtools ${command.name}: ${e.message}\nusage: ${command.usage}`);
      return 2;
    }
    io.err(`mcp-devtools ${command.name}: ${(e as Error).message}`);
    return 2;
  }
}

export function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length), 9);
  return [
    `mcp-devtools ${VERSION}: MCP (Model Context Protocol) developer tools on the command line`,
    '',
    'usage: mcp-devtools <command> [options]',
    '',
    'commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.description}`),
    '',
    'options:',
    `  ${'--help'.padEnd(width)}  show this help, or a command's help`,
    `  ${'--version'.padEnd(width)}  print the version`,
    '',
    'exit codes: 0 success, 1 errors found, 2 usage or I/O error',
  ].join('\n');
}

if (require.main === module) {
  main(process.argv.slice(2), {
    out: (s) => process.stdout.write(s + '\n'),
    err: (s) => process.stderr.write(s + '\n'),
    cwd: process.cwd(),
    env: process.env,
    // Questions go to stderr, so stdout stays the result (`list --json > file` can still ask).
    terminal: process.stdin.isTTY && process.stderr.isTTY ? { input: process.stdin, output: process.stderr } : undefined,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`mcp-devtools: ${(e as Error).stack ?? e}\n`);
      process.exitCode = 2;
    },
  );
}
