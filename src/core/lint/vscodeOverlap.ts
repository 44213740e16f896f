/**
 * Where VS Code reports a problem itself in its own MCP files (`.vscode/mcp.json` and the other
 * `vscode` formats): its JSON language server checks the syntax and the schema
 * `vscode://schemas/mcp` (`mcpServerSchema` in microsoft/vscode
 * `src/vs/workbench/contrib/mcp/common/mcpConfiguration.ts`), and its MCP support flags variables it
 * cannot resolve. Per rule that would repeat one of those diagnostics: is ours dropped there, kept only
 * when it brings a quick fix, or kept because it adds something (the right severity, a clearer
 * message, a fix)? The editor adapter applies it; the CLI, with no VS Code beside it, reports
 * everything. Observed in VS Code 1.139 (test/integration/vscodeOverlap.test.ts checks it).
 */
import type { LintOptions } from './lint';

export interface VsCodeOverlap {
  /** Our rule's code. */
  code: string;
  /** What VS Code reports for the same problem, in its words. */
  vscode: string;
  /** In VS Code's files: `dropped`, `fix-only` (kept only when the finding has a quick fix) or `kept`. */
  ours: 'dropped' | 'fix-only' | 'kept';
  /** Why: what ours adds, or that it adds nothing. */
  why: string;
}

export const VSCODE_OVERLAP: readonly VsCodeOverlap[] = [
  { code: 'syntax', vscode: 'its JSON parser\'s errors ("Expected comma or closing brace")', ours: 'dropped', why: 'the same problem at the same place' },
  { code: 'duplicate-key', vscode: '"Duplicate object key" at each of the keys', ours: 'dropped', why: 'the same problem at the same place' },
  { code: 'schema', vscode: 'its schema\'s "Incorrect type", "Missing property", "Value is not accepted"', ours: 'dropped', why: "VS Code's own schema is the one that counts for its files" },
  { code: 'unknown-field', vscode: '"Property x is not allowed."', ours: 'fix-only', why: 'kept when it has a did-you-mean ("agrs" → "args") with its rename fix; without one it would say the same' },
  { code: 'top-level-key', vscode: '"Property mcpServers is not allowed."', ours: 'kept', why: 'says it is another client\'s key (a deprecated alias in VS Code) and renames it to "servers"' },
  { code: 'type-value', vscode: '"Value is not accepted. Valid values: …" (a warning)', ours: 'kept', why: 'an error rather than a warning, naming this client\'s word for the same transport ("streamableHttp" → "http"), with a fix that writes it' },
  { code: 'value-type', vscode: '"Incorrect type. Expected …" (for an env value of the wrong type: Expected "null")', ours: 'kept', why: 'an error naming the value and what it should be, with fixes: split an args string into an array, quote a number or boolean; also an "env" that is not an object, which VS Code lets through' },
  { code: 'url', vscode: '"The URL must start with \'http://\' or \'https://\'." (a warning)', ours: 'kept', why: 'an error rather than a warning (the server cannot connect), naming the scheme it got, with a hint for a missing scheme and a fix for stray spaces; also plain http:// to a remote host, which VS Code lets through' },
  { code: 'transport', vscode: '"Property url is not allowed.", "Missing property "url".", "Property serverUrl is not allowed."', ours: 'kept', why: 'one error naming the conflict (a command and a URL, a type that contradicts the fields), renames "serverUrl" to "url"; also a server with no transport, which VS Code lets through' },
  { code: 'input-options', vscode: 'its schema\'s complaint about a "pickString" input without "options" (its inputs schema requires them)', ours: 'kept', why: 'an error naming the input, also for an empty "options" list (which VS Code lets through and then offers nothing to pick), with a fix that makes it a "promptString"' },
  { code: 'variable-syntax', vscode: '"Variable `X` not found, did you mean ${env}?"', ours: 'kept', why: 'rewrites the reference to ${env:X}' },
];

/** The lint options for a file VS Code validates itself: the `dropped` rules skipped, the `fix-only` ones kept only with a fix. */
export function vscodeFileOptions(): Pick<LintOptions, 'skip' | 'fixableOnly'> {
  return {
    skip: VSCODE_OVERLAP.filter((o) => o.ours === 'dropped').map((o) => o.code),
    fixableOnly: VSCODE_OVERLAP.filter((o) => o.ours === 'fix-only').map((o) => o.code),
  };
}
