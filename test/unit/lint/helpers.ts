import * as assert from 'node:assert/strict';
import { parse, type ParseError } from 'jsonc-parser';
import { applyTextEdits, lint, type Finding, type LintOptions } from '../../../src/core/lint';

/** Paths that formatForPath recognizes, one per client format. */
export const P = {
  vscode: '/ws/.vscode/mcp.json',
  claudeDesktop: '/home/me/.config/Claude/claude_desktop_config.json',
  claudeCode: '/ws/.mcp.json',
  cursor: '/ws/.cursor/mcp.json',
  windsurf: '/home/me/.codeium/windsurf/mcp_config.json',
  cline: '/home/me/.config/Code/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json',
  gemini: '/ws/.gemini/settings.json',
  codex: '/ws/.codex/config.toml',
  continue: '/ws/.continue/mcpServers/block.yaml',
  kiro: '/ws/.kiro/settings/mcp.json',
  zed: '/ws/.zed/settings.json',
  copilotCli: '/home/me/.copilot/mcp-config.json',
  roo: '/ws/.roo/mcp.json',
  opencode: '/ws/opencode.json',
  vscodeSettings: '/ws/.vscode/settings.json',
} as const;

/** Deterministic options: a fixed PATH and a `which` that finds only `node`, `npx` and `uvx`. */
export const DET: LintOptions = {
  env: { PATH: '/usr/local/bin:/usr/bin' },
  which: (cmd) => (['node', 'npx', 'uvx', 'python', 'docker'].includes(cmd) || cmd.startsWith('/usr/') ? `/usr/bin/${cmd}` : null),
};

export function run(text: string, path: string, opts: LintOptions = {}): Finding[] {
  return lint(text, path, { ...DET, ...opts });
}

/** The findings of one code. */
export function only(findings: Finding[], code: string): Finding[] {
  return findings.filter((f) => f.code === code);
}

/** 1-based `line:col` of a finding's start. */
export const pos = (f: Finding) => `${f.range.start.line + 1}:${f.range.start.character + 1}`;

/** 1-based `line:col` of the `nth` occurrence of `needle` in `text` (plus `shift` characters). */
export function at(text: string, needle: string, nth = 1, shift = 0): string {
  let i = -1;
  for (let n = 0; n < nth; n++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`"${needle}" #${nth} not in text`);
  }
  i += shift;
  const before = text.slice(0, i);
  const line = before.split('\n').length;
  return `${line}:${i - before.lastIndexOf('\n')}`;
}

/** Asserts exactly one finding of `code`, with severity and position; returns it. */
export function expectOne(findings: Finding[], code: string, severity: Finding['severity'], where: string): Finding {
  const hits = only(findings, code);
  assert.equal(hits.length, 1, `expected one ${code}, got ${JSON.stringify(findings.map((f) => [f.code, pos(f), f.message]), null, 1)}`);
  assert.equal(hits[0].severity, severity, hits[0].message);
  assert.equal(pos(hits[0]), where, hits[0].message);
  return hits[0];
}

export function expectNone(findings: Finding[], code: string): void {
  assert.deepEqual(only(findings, code).map((f) => `${pos(f)} ${f.message}`), []);
}

/** Applies a finding's fix (the first, or the one whose title matches) and returns the new text. */
export function applyFix(text: string, f: Finding, title?: RegExp): string {
  const fix = title ? f.fixes?.find((x) => title.test(x.title)) : f.fixes?.[0];
  assert.ok(fix, `no fix on ${f.code}: ${f.message}`);
  return applyTextEdits(text, fix.edits);
}

/** Parses JSONC, failing the test on a syntax error. */
export function parseJsonc(text: string): unknown {
  const errors: ParseError[] = [];
  const v = parse(text, errors, { allowTrailingComma: true });
  assert.deepEqual(errors, [], `fix produced invalid JSON:\n${text}`);
  return v;
}
