/**
 * The CLI's help, generated from the verbs' declarations (`CliCommand`: positionals and option
 * tables): `mcp-devtools --help` lists the verbs, `mcp-devtools <verb> --help` gives a verb's
 * synopsis, arguments and options. Nothing here is written per verb, so help cannot drift from
 * what the parser accepts.
 */
import { VERSION } from '../core/version';
import type { CliCommand } from './io';
import { HELP_OPTION, type OptionDecl, type OptionTable } from './options';

/** The options `mcp-devtools` itself takes, before any verb. */
export const MAIN_OPTIONS = {
  help: { type: 'boolean', short: 'h', help: 'show this help; `mcp-devtools <command> --help` shows a command\'s' },
  version: { type: 'boolean', short: 'v', help: 'print the version' },
} as const satisfies OptionTable;

/** The grammar of a server with no config file, in the help of the verbs that take one (`adHoc.ts`). */
const AD_HOC_HELP = [
  'a server with no config file: give its URL as <server> (mcp-devtools <verb> http://127.0.0.1:3000/mcp …),',
  'or leave <server> out and put its command line last, after -- (mcp-devtools <verb> … -- node build/index.js).',
  'An argument in <server>\'s place that starts with scheme:// is a URL, never a server name; with a command',
  'line after --, the first argument is what follows <server> (call echo -- node x calls the tool echo).',
];

/** `0 success, 1 …, 2 usage or I/O error`, with what 1 means. */
export function exitCodes(failure: string): string {
  return `exit codes: 0 success; 1 ${failure}; 2 usage or I/O error`;
}

/** `--format stylish|json|sarif`, `--timeout <seconds>`, `--json`. */
function flag(name: string, o: OptionDecl): string {
  if (o.type === 'boolean') return `--${name}`;
  return `--${name} ${o.value ?? (o.choices ? o.choices.join('|') : '<value>')}`;
}

/** One line: `mcp-devtools call <server> <tool> [--args <json>] … [--config <file>]… [--user]`. */
export function synopsis(c: CliCommand): string {
  const positionals = c.positionals.map((p) => {
    const shown = `<${p.name}>${p.variadic ? '…' : ''}`;
    return p.optional ? `[${shown}]` : shown;
  });
  const options = Object.entries(c.options).map(([name, o]) => `[${flag(name, o)}]${o.multiple ? '…' : ''}`);
  return ['mcp-devtools', c.name, ...positionals, ...options, ...(c.adHoc ? ['[-- <command> [<arg>]…]'] : [])].join(' ');
}

/** Two aligned columns. */
function table(rows: [string, string][]): string[] {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`);
}

function optionRows(options: OptionTable): [string, string][] {
  return Object.entries(options).map(([name, o]) => {
    const notes = [o.default !== undefined && `default: ${o.default}`, o.multiple && 'repeatable'].filter(Boolean);
    return [`${o.short ? `-${o.short}, ` : '    '}${flag(name, o)}`, `${o.help}${notes.length ? ` (${notes.join('; ')})` : ''}`];
  });
}

/** `mcp-devtools <verb> --help`. */
export function commandHelp(c: CliCommand): string {
  const lines = [`usage: ${synopsis(c)}`, '', `${c.summary[0].toUpperCase()}${c.summary.slice(1)}.`];
  if (c.positionals.length) lines.push('', 'arguments:', ...table(c.positionals.map((p) => [`<${p.name}>${p.variadic ? '…' : ''}`, p.help])));
  if (c.adHoc) lines.push('', ...AD_HOC_HELP.map((l) => l.replace('<verb>', c.name)));
  lines.push('', 'options:', ...table(optionRows({ ...c.options, ...HELP_OPTION })), '', exitCodes(c.failure));
  return lines.join('\n');
}

/** `mcp-devtools --help`: the verbs, the top-level options, the exit codes. */
export function mainHelp(commands: readonly CliCommand[]): string {
  return [
    `mcp-devtools ${VERSION}: MCP (Model Context Protocol) developer tools on the command line`,
    '',
    'usage: mcp-devtools <command> [options]',
    '',
    'commands:',
    ...table(commands.map((c) => [c.name, c.summary])),
    '',
    'options:',
    ...table(optionRows(MAIN_OPTIONS)),
    '',
    exitCodes('errors found'),
  ].join('\n');
}
