import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { findConfigFolder } from '../core/config/configFolder';
import { discoverConfigs, discoveryEnvFromProcess } from '../core/config/discovery';
import { formatForPath } from '../core/config/formats';
import { knownFormats, lintFile, RULE_DOCS, type Finding, type LintOptions, type RuleDoc } from '../core/lint';
import { VERSION } from '../core/version';
import { defineCommand, UsageError, type Io } from './io';
import type { OptionTable, OptionValues } from './options';

export type OutputFormat = 'stylish' | 'json' | 'sarif';

interface LintArgs {
  paths: string[];
  format: OutputFormat;
  quiet: boolean;
  as?: string;
  user: boolean;
  skip: string[];
}

const LINT_OPTIONS = {
  format: { type: 'string', short: 'f', choices: ['stylish', 'json', 'sarif'], default: 'stylish', help: 'how to print the findings: text like ESLint\'s, JSON with 1-based lines and columns, or SARIF 2.1.0' },
  quiet: { type: 'boolean', short: 'q', help: 'report errors only' },
  as: { type: 'string', value: '<format-id>', help: 'the format of the given files, when their names do not say it' },
  'no-user': { type: 'boolean', help: 'with no paths, leave out the user\'s config files' },
  skip: { type: 'string', multiple: true, value: '<code,…>', help: 'rule codes not to check, comma-separated' },
} as const satisfies OptionTable;

export const lintCommand = defineCommand({
  name: 'lint',
  summary: 'check MCP config files: the given files, every config file under the given folders, or (no path) those of the nearest folder with MCP config files (from the current folder up) and the user\'s',
  positionals: [{ name: 'path', help: 'a config file, or a folder to search for config files', optional: true, variadic: true }],
  options: LINT_OPTIONS,
  failure: 'errors found',
  async run(values, paths, io) {
    const opts = lintArgs(values, paths);
    const targets = await resolveTargets(opts, io);
    const lintOptions: LintOptions = { env: io.env, cwd: io.cwd, skip: opts.skip };
    const results: { file: string; findings: Finding[] }[] = [];
    for (const t of targets) {
      const findings = t.unreadable ? [folderReadError(t.file, t.unreadable)] : await lintFile(t.file, { ...lintOptions, format: t.format ?? opts.as });
      results.push({ file: t.file, findings: opts.quiet ? findings.filter((f) => f.severity === 'error') : findings });
    }
    const all = results.flatMap((r) => r.findings);
    io.out(renderFindings(opts.format, results, io.cwd));
    if (all.some((f) => f.code === 'read-error')) return 2;
    return all.some((f) => f.severity === 'error') ? 1 : 0;
  },
});

/** @throws UsageError for an unknown format id or rule code */
function lintArgs(values: OptionValues<typeof LINT_OPTIONS>, paths: string[]): LintArgs {
  if (values.as !== undefined && !knownFormats().some((f) => f.id === values.as)) throw new UsageError(`unknown format id "${values.as}"; known: ${knownFormats().map((f) => f.id).join(', ')}`);
  const skip = (values.skip ?? []).flatMap((v) => v.split(',')).map((c) => c.trim()).filter(Boolean);
  const bad = skip.find((c) => !RULE_DOCS.some((d) => d.code === c));
  if (bad) throw new UsageError(`unknown rule code "${bad}"`);
  return { paths, format: values.format ?? 'stylish', quiet: values.quiet ?? false, as: values.as, user: !values['no-user'], skip };
}

/** A file to lint, or a folder that could not be listed (`unreadable`: the error code and message). */
interface Target {
  file: string;
  format?: string;
  unreadable?: NodeJS.ErrnoException;
}

/**
 * Explicit files; directories expand to their workspace config files (a folder that cannot be
 * listed, there or below, becomes a target of its own that reports it); no paths: the nearest
 * folder with config files from the cwd up, and the user's files.
 */
async function resolveTargets(opts: LintArgs, io: Io): Promise<Target[]> {
  if (!opts.paths.length) {
    const env = discoveryEnvFromProcess();
    const folder = (await findConfigFolder(io.cwd, env)) ?? io.cwd;
    const files = await discoverConfigs({ folders: [folder], env, includeUser: opts.user });
    return dedupe(files.map((f) => ({ file: f.path, format: f.format })));
  }
  const targets: Target[] = [];
  for (const p of opts.paths) {
    const abs = path.resolve(io.cwd, p);
    const stat = await fs.stat(abs).catch(() => undefined);
    if (stat?.isDirectory()) targets.push(...(await configFilesUnder(abs)).map((t) => ({ ...t, format: opts.as })));
    else targets.push({ file: abs }); // a missing or unreadable file becomes a read-error finding
  }
  return dedupe(targets);
}

/** The findings of each file as `lint --format <format>` prints them (relative paths from `cwd` in stylish). */
export function renderFindings(format: OutputFormat, results: { file: string; findings: Finding[] }[], cwd: string): string {
  if (format === 'json') return JSON.stringify(toJson(results), null, 2);
  if (format === 'sarif') return JSON.stringify(toSarif(results.flatMap((r) => r.findings), results.map((r) => r.file)), null, 2);
  return stylish(results, cwd);
}

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out']);

/**
 * Every file under `dir` (depth ≤ 6, no node_modules/.git) whose path names a known config format,
 * and every folder on the way that could not be listed (EACCES, EIO, …), so that a folder lint
 * cannot read is reported rather than taken for one without config files.
 */
async function configFilesUnder(dir: string, depth = 0): Promise<Target[]> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (e) {
    return [{ file: dir, unreadable: e as NodeJS.ErrnoException }];
  }
  const found: Target[] = [];
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && depth < 6 && !SKIP_DIRS.has(e.name)) found.push(...(await configFilesUnder(p, depth + 1)));
    else if (e.isFile() && formatForPath(p)) found.push({ file: p });
  }
  return found;
}

/** The read-error finding of a folder `readdir` refused (exit 2, as for an unreadable file). */
function folderReadError(dir: string, err: NodeJS.ErrnoException): Finding {
  const why = err.code === 'EACCES' || err.code === 'EPERM' ? 'permission denied' : err.message;
  return {
    file: dir,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 }, offset: 0, length: 0 },
    severity: 'error',
    code: 'read-error',
    message: `Cannot read the folder ${dir}: ${why}. Its config files were not checked; give lint a folder it may list (check its permissions) or name the files.`,
  };
}

function dedupe<T extends { file: string }>(list: T[]): T[] {
  const seen = new Set<string>();
  return list.filter((t) => !seen.has(t.file) && !!seen.add(t.file));
}

const counts = (list: Finding[]) => ({
  errorCount: list.filter((f) => f.severity === 'error').length,
  warningCount: list.filter((f) => f.severity === 'warning').length,
  infoCount: list.filter((f) => f.severity === 'info').length,
});

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `file:line:col  severity  code  message`, one per line, and a summary (ESLint's habits). */
function stylish(results: { file: string; findings: Finding[] }[], cwd: string): string {
  const lines: string[] = [];
  for (const r of results) {
    const shown = path.relative(cwd, r.file).startsWith('..') ? r.file : path.relative(cwd, r.file) || r.file;
    for (const f of r.findings) lines.push(`${shown}:${f.range.start.line + 1}:${f.range.start.character + 1}  ${f.severity}  ${f.code}  ${f.message}`);
  }
  const all = results.flatMap((r) => r.findings);
  const c = counts(all);
  const files = plural(results.length, 'file');
  if (!results.length) lines.push('No MCP config files found in this folder, any folder above it, or the user\'s files.');
  else if (!all.length) lines.push(`No problems in ${files}.`);
  else {
    const fixable = all.filter((f) => f.fixes?.length).length;
    lines.push('', `${plural(all.length, 'problem')} (${plural(c.errorCount, 'error')}, ${plural(c.warningCount, 'warning')}, ${c.infoCount} info) in ${files}${fixable ? `; ${fixable} with a quick fix in VS Code` : ''}.`);
  }
  return lines.join('\n');
}

/** Findings as JSON with 1-based lines and columns. */
function toJson(results: { file: string; findings: Finding[] }[]) {
  const all = results.flatMap((r) => r.findings);
  return {
    files: results.map((r) => r.file),
    findings: all.map((f) => ({
      file: f.file,
      line: f.range.start.line + 1,
      column: f.range.start.character + 1,
      endLine: f.range.end.line + 1,
      endColumn: f.range.end.character + 1,
      severity: f.severity,
      code: f.code,
      message: f.message,
      ...(f.fixes ? { fixes: f.fixes } : {}),
      ...(f.related ? { related: f.related.map((r) => ({ line: r.range.start.line + 1, column: r.range.start.character + 1, endLine: r.range.end.line + 1, endColumn: r.range.end.character + 1, message: r.message })) } : {}),
    })),
    ...counts(all),
  };
}

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

function sarifRule(d: RuleDoc) {
  return {
    id: d.code,
    name: d.code.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase()),
    shortDescription: { text: d.description.split(/(?<=\.)\s/)[0] },
    fullDescription: { text: d.description },
    defaultConfiguration: { level: LEVEL[d.severity] },
    help: { text: `${d.description}${d.fix ? ` Fix: ${d.fix}` : ''}${d.source ? ` Source: ${d.source}` : ''}` },
  };
}

/** A SARIF region: 1-based lines and columns, and the character span. */
function region(r: Finding['range']) {
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1, charOffset: r.offset, charLength: r.length };
}

/** SARIF 2.1.0: one run, `tool.driver.rules` from the rule table, one result per finding (with fixes). */
function toSarif(all: Finding[], files: string[]) {
  const ruleIndex = new Map(RULE_DOCS.map((d, i) => [d.code, i]));
  const uri = (f: string) => pathToFileURL(f).href;
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'mcp-devtools', version: VERSION, informationUri: 'https://github.com/mcp-devtools/mcp-devtools', rules: RULE_DOCS.map(sarifRule) } },
      artifacts: files.map((f) => ({ location: { uri: uri(f) } })),
      results: all.map((f) => ({
        ruleId: f.code,
        ruleIndex: ruleIndex.get(f.code) ?? -1,
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: uri(f.file), index: files.indexOf(f.file) },
            region: region(f.range),
          },
        }],
        ...(f.related ? {
          relatedLocations: f.related.map((r, id) => ({ id, message: { text: r.message }, physicalLocation: { artifactLocation: { uri: uri(f.file), index: files.indexOf(f.file) }, region: region(r.range) } })),
        } : {}),
        ...(f.fixes ? {
          fixes: f.fixes.map((x) => ({
            description: { text: x.title },
            artifactChanges: [{ artifactLocation: { uri: uri(f.file) }, replacements: x.edits.map((e) => ({ deletedRegion: { charOffset: e.offset, charLength: e.length }, insertedContent: { text: e.newText } })) }],
          })),
        } : {}),
      })),
    }],
  };
}
