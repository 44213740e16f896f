import * as nodePath from 'node:path';
import { CLIENT_LABELS } from '../../config/model';
import { commandLineIn, serverPath } from '../commandWords';
import { isObject } from '../servers';
import type { Finding, Rule, RuleDoc } from '../types';
import { finding } from '../util';

const doc: RuleDoc = {
  code: 'command-not-found',
  severity: 'warning',
  description: 'A stdio "command" not found on the PATH the server process would get (its own env.PATH if set, else the PATH of the process running the linter). The common cause of "spawn npx ENOENT" under nvm, fnm, Volta, asdf or Homebrew.',
  source: 'MCP clients\' public issue trackers: "spawn npx ENOENT" is the most reported start failure, under nvm, fnm, fish and WSL, where the client\'s PATH is not the shell\'s.',
};

const MAX_SHOWN = 6;

export const commandNotFoundRule: Rule = {
  doc,
  check(ctx) {
    const out: Finding[] = [];
    const client = CLIENT_LABELS[ctx.format.client];
    for (const s of ctx.servers) {
      if (!isObject(s.value)) continue;
      // OpenCode: the program is the first item of the `command` array
      const program = Array.isArray(s.value.command) ? s.value.command[0] : s.value.command;
      if (typeof program !== 'string') continue;
      const commandPath = Array.isArray(s.value.command) ? [...s.path, 'command', 0] : [...s.path, 'command'];
      const command = program.trim();
      if (!command || /\$|\{\{|%[A-Za-z_]+%/.test(command)) continue; // variables: resolved at start time
      const hasSep = /[\\/]/.test(command);
      if (hasSep && !nodePath.isAbsolute(command)) continue; // relative to a cwd we cannot know here
      const envValue = s.value.env ?? s.value.environment;
      const env = isObject(envValue) ? envValue : {};
      const ownPath = typeof env.PATH === 'string' && !/\$/.test(env.PATH) ? env.PATH : undefined;
      const pathVar = serverPath(ctx, s.value);
      if (ctx.which(command, pathVar, ctx.cwd)) continue;
      if (commandLineIn(ctx, s)) continue; // command-line: "npx -y pkg" is reported (and split) there
      const dirs = pathVar.split(nodePath.delimiter).filter(Boolean);
      const shown = dirs.slice(0, MAX_SHOWN).join(nodePath.delimiter) + (dirs.length > MAX_SHOWN ? `${nodePath.delimiter}… (${dirs.length} directories)` : '');
      const message = hasSep
        ? `Command "${command}" (server "${s.name}") does not exist or is not executable. Check the path.`
        : `Command "${command}" (server "${s.name}") was not found on the PATH the server gets (${ownPath ? 'its env.PATH' : 'the PATH of this process'}: ${shown || 'empty'}). ${client} started from the desktop often has a shorter PATH than your shell, without nvm, fnm, Volta or Homebrew directories: use the absolute path (run "command -v ${command}" in your shell) or set PATH in this server's env.`;
      out.push(finding(ctx, doc, ctx.locate(commandPath), message));
    }
    return out;
  },
};
