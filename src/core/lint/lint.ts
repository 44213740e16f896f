/**
 * The linter's entry point: `lint(text, path)` picks the file's format, parses it once, runs every
 * rule and returns plain-data findings sorted by position. It never throws.
 */
import { promises as fs } from 'node:fs';
import type { DiscoveryEnv } from '../config/env';
import type { ConfigFormat } from '../config/formats';
import { LineIndex } from '../config/text';
import { buildContext } from './context';
import { resolveFormat } from './format';
import { RULES } from './rules';
import { foundSecrets } from './rules/secret';
import { Redactor, tokenPattern } from '../secrets';
import type { Finding, LintContext, RuleDoc, WhichFn } from './types';

export interface LintOptions {
  /** The file's format (or its id, e.g. `cursor-project`); default: from the path. */
  format?: ConfigFormat | string;
  /** The environment of the process that would start servers (its PATH is what `command-not-found` searches). Default: `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Command lookup for `command-not-found`; default: the `which` package with a 30 s cache. */
  which?: WhichFn;
  /** Working directory for relative command lookups. */
  cwd?: string;
  /** Where the user's home is, for telling user files from project files by path (default: this process's). */
  discoveryEnv?: DiscoveryEnv;
  /** Rule codes to skip, e.g. `['command-not-found']`, or `['schema','syntax']` where the editor validates already. */
  skip?: readonly string[];
  /**
   * Rule codes whose findings are kept only when they carry a quick fix: where the editor already
   * reports the same problem, such a finding adds only its fix (see `vscodeFileOptions`).
   */
  fixableOnly?: readonly string[];
}

/** Findings that come from the linter itself rather than a rule. */
export const INTERNAL_DOCS: readonly RuleDoc[] = [
  { code: 'unknown-format', severity: 'warning', description: 'The file is not one of the MCP config files the linter knows (by its path); pass the format explicitly (CLI: --as <format-id>).' },
  { code: 'read-error', severity: 'error', description: 'The file (or, in the CLI, a folder to search) could not be read (missing, a directory, no permission, a symbolic link loop).' },
  { code: 'parse-error', severity: 'error', description: 'The linter could not parse the file (nested deeper than it reads, or its parser failed), so it cannot vouch for it: an error, whatever rules are skipped.' },
  { code: 'internal-error', severity: 'warning', description: 'A lint rule failed on this file (a bug in MCP DevTools; please report it). The other rules still ran.' },
];

/**
 * Lints one config file's text.
 *
 * @param text the file's content
 * @param path absolute path of the file (used to pick the format and reported in findings)
 * @returns findings sorted by position; `[]` for a clean file. Never throws: a rule that throws
 *   becomes an `internal-error` finding (a warning: the other rules still ran), a file that cannot
 *   be parsed (nested deeper than `MAX_NESTING` in config/nesting.ts, or a parser failure) one
 *   `parse-error` finding (an error: nothing was checked), an unknown file an `unknown-format` finding.
 */
export function lint(text: string, path: string, options: LintOptions = {}): Finding[] {
  const top = (code: string, message: string): Finding => {
    const doc = INTERNAL_DOCS.find((d) => d.code === code)!;
    return { file: path, range: new LineIndex(text).range(0, 0), severity: doc.severity, code, message };
  };
  let format: ConfigFormat | undefined;
  try {
    format = resolveFormat(path, options.format, options.discoveryEnv);
  } catch (e) {
    return [top('internal-error', `Could not determine the format of ${path}: ${(e as Error).message}`)];
  }
  if (!format) {
    const why = typeof options.format === 'string' ? `Unknown format id "${options.format}".` : `${path} is not a known MCP config file.`;
    return [top('unknown-format', `${why} Pass the format explicitly (CLI: --as <format-id>).`)];
  }
  let ctx;
  try {
    ctx = buildContext(text, path, format, options);
  } catch (e) {
    return [top('parse-error', `Could not parse ${path}: ${(e as Error)?.message ?? String(e)}. The linter cannot check this file; please report it if the file is valid.`)];
  }
  if (ctx.tooDeep) return [{ ...top('parse-error', ctx.tooDeep.message), range: ctx.tooDeep.range }];
  const findings: Finding[] = [];
  for (const rule of RULES) {
    if (options.skip?.includes(rule.doc.code)) continue;
    try {
      const found = rule.check(ctx);
      findings.push(...(options.fixableOnly?.includes(rule.doc.code) ? found.filter((f) => f.fixes?.length) : found));
    } catch (e) {
      findings.push(top('internal-error', `Rule "${rule.doc.code}" failed: ${(e as Error)?.message ?? String(e)}. Other rules still ran; please report this.`));
    }
  }
  return keepSecretsOut(ctx, findings).sort((a, b) => a.range.offset - b.range.offset || a.range.length - b.range.length || a.code.localeCompare(b.code));
}

/**
 * Findings that hold no secret the `secret` rule finds in the file (also when that rule is
 * skipped): messages redacted ({@link Redactor}: those values and any credential-shaped text), and a
 * fix dropped when an edit's new text would carry one of them or a token. Findings go to JSON and
 * SARIF files that are uploaded to code-scanning services, and to diagnostics and code actions.
 */
function keepSecretsOut(ctx: LintContext, findings: Finding[]): Finding[] {
  let secrets: string[];
  try {
    secrets = foundSecrets(ctx);
  } catch {
    secrets = [];
  }
  const redactor = new Redactor(secrets);
  const carries = (text: string) => secrets.some((v) => text.includes(v)) || tokenPattern().test(text);
  return findings.map((f) => {
    const message = redactor.redact(f.message);
    const fixes = f.fixes?.filter((x) => !x.edits.some((e) => carries(e.newText)));
    const related = f.related?.map((r) => ({ ...r, message: redactor.redact(r.message) }));
    const same = message === f.message && fixes?.length === f.fixes?.length && (related ?? []).every((r, i) => r.message === f.related![i].message);
    return same ? f : { ...f, message, ...(f.fixes ? { fixes } : {}), ...(related ? { related } : {}) };
  });
}

/** Reads and lints a file; an unreadable file is a `read-error` finding. Never throws. */
export async function lintFile(path: string, options: LintOptions = {}): Promise<Finding[]> {
  let text: string;
  try {
    text = await fs.readFile(path, 'utf8');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === 'ENOENT' ? 'the file does not exist (or is a symbolic link to nothing)'
      : err.code === 'EISDIR' ? 'it is a directory'
      : err.code === 'EACCES' || err.code === 'EPERM' ? 'permission denied'
      : err.code === 'ENOTDIR' ? 'a part of its path is a file, not a folder'
      : err.code === 'ELOOP' ? 'its symbolic links form a loop'
      : err.message;
    return [{ file: path, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 }, offset: 0, length: 0 }, severity: 'error', code: 'read-error', message: `Cannot read ${path}: ${why}.` }];
  }
  return lint(text.replace(/^\uFEFF/, ''), path, options);
}
