/**
 * A command line typed as one line of text (VS Code's "Connect to Server…" input box) split into
 * words as a POSIX shell does, with no expansion: whitespace separates words; 'single quotes'
 * keep everything; "double quotes" keep everything but `\"`, `\\`, `\$` and `` \` ``; a backslash
 * outside quotes keeps the next character. Leading `NAME=value` words are environment variables,
 * as in `API_KEY=x node server.js`. Source: POSIX.1-2017, Shell Command Language, 2.2 Quoting.
 *
 * No library does this among our dependencies (`shell-quote` would, and also parses operators
 * we must refuse anyway); the rules above are the whole of it.
 *
 * Pure core: no `vscode` import.
 */
import { AdHocError, looksLikeUrl, urlProblem, type AdHocServer } from './adHoc';

/**
 * The words of `text`.
 * @throws AdHocError for an unclosed quote or a trailing backslash
 */
export function splitCommandLine(text: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = undefined;
      else if (c === '\\' && i + 1 < text.length && '"\\$`'.includes(text[i + 1])) word += text[++i];
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      word ??= '';
    } else if (c === '\\') {
      if (i + 1 >= text.length) throw new AdHocError('the command line ends with a backslash: remove it, or quote it');
      word = (word ?? '') + text[++i];
    } else if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else {
      word = (word ?? '') + c;
    }
  }
  if (quote) throw new AdHocError(`the command line has an unclosed ${quote === '"' ? 'double' : 'single'} quote: close it`);
  if (word !== undefined) words.push(word);
  return words;
}

/** A leading `NAME=value` word. */
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s;

/**
 * What "Connect to Server…" was given: a URL (one word: `http(s)://`, `ws(s)://`), or a command
 * line with optional leading `NAME=value` environment variables.
 * @throws AdHocError saying what is wrong (a bad URL, no command, an unclosed quote)
 */
export function parseServerInput(text: string): AdHocServer {
  const words = splitCommandLine(text.trim());
  if (words.length && looksLikeUrl(words[0])) {
    const problem = urlProblem(words[0]);
    if (problem) throw new AdHocError(problem);
    if (words.length > 1) throw new AdHocError('a URL is given alone: put nothing after it');
    return { kind: 'url', url: words[0] };
  }
  const env: Record<string, string> = {};
  let i = 0;
  for (; i < words.length; i++) {
    const m = ASSIGNMENT.exec(words[i]);
    if (!m) break;
    env[m[1]] = m[2];
  }
  const argv = words.slice(i);
  if (!argv.length) throw new AdHocError(i ? 'give the command after the environment variables, e.g. API_KEY=… node build/index.js' : 'give a command line (node build/index.js) or a URL (http://127.0.0.1:3000/mcp)');
  return { kind: 'command', argv, env };
}
