/**
 * MCP config linter (pure core). Public API:
 * - {@link lint} / {@link lintFile}: findings for one file;
 * - {@link RULE_DOCS}: the rule table (README via `ruleTableMarkdown`, SARIF, settings);
 * - {@link VSCODE_OVERLAP}: which rules VS Code's own diagnostics repeat in its files, and what ours does there;
 * - {@link describeKey}: schema descriptions for hovers;
 * - {@link Finding}, {@link Fix}, {@link TextEdit}: plain data for the editor adapter and the CLI.
 */
import { INTERNAL_DOCS } from './lint';
import { RULES } from './rules';
import type { RuleDoc } from './types';

export { lint, lintFile, INTERNAL_DOCS, type LintOptions } from './lint';
export { describeKey, schemaForClient, setSchemaDir } from './schemas';
export { CLIENTS } from '../clients';
export { applyTextEdits } from './edits';
export { overlapTableMarkdown, ruleTableMarkdown } from './docs';
export { VSCODE_OVERLAP, vscodeFileOptions, type VsCodeOverlap } from './vscodeOverlap';
export { knownFormats, resolveFormat } from './format';
export type { DocPath, Finding, Fix, RelatedInfo, RuleDoc, Severity, TextEdit, WhichFn } from './types';

/** Every code the linter can report, with its default severity, what it checks and its fix. */
export const RULE_DOCS: readonly RuleDoc[] = [...RULES.map((r) => r.doc), ...INTERNAL_DOCS];
