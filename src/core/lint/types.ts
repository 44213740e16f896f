/**
 * The linter's plain-data vocabulary: findings, fixes, rule docs, and the context a rule reads.
 *
 * Pure core: no `vscode` import. The editor adapter turns a {@link Finding} into a `Diagnostic`
 * and each {@link Fix} into a `CodeAction`; the CLI prints them.
 */
import type { Node, ParseError } from 'jsonc-parser';
import type { Document } from 'yaml';
import type { ConfigFormat } from '../config/formats';
import type { Range } from '../config/model';
import type { LineIndex } from '../config/text';
import type { TomlPositions } from '../config/tomlPositions';

export type Severity = 'error' | 'warning' | 'info';

/** One text replacement: `[offset, offset + length)` becomes `newText` (jsonc-parser's `Edit` shape). */
export interface TextEdit {
  offset: number;
  length: number;
  newText: string;
}

/** A quick fix: a title for the menu and the edits that apply it, all against the linted text. */
export interface Fix {
  title: string;
  edits: TextEdit[];
}

/**
 * A place in the same file that explains a finding, e.g. each of two fields in conflict. The editor
 * shows it as a `DiagnosticRelatedInformation`, SARIF as a `relatedLocation`.
 */
export interface RelatedInfo {
  range: Range;
  message: string;
}

/** One problem in a config file. `range` is zero-based (see `model.ts`). */
export interface Finding {
  file: string;
  range: Range;
  severity: Severity;
  /** The rule's code, e.g. `unknown-field`; see {@link RULE_DOCS}. */
  code: string;
  message: string;
  fixes?: Fix[];
  /** Other places in the file that take part in the problem (the fields of a whole-server problem). */
  related?: RelatedInfo[];
}

/** A rule's entry in the documentation table (README, SARIF `tool.driver.rules`). */
export interface RuleDoc {
  code: string;
  severity: Severity;
  /** What the rule checks, one sentence. */
  description: string;
  /** What its quick fix does, or `undefined` when it has none. */
  fix?: string;
  /** Where the fact comes from (a client's docs or source), when the rule is client-specific. */
  source?: string;
}

/** Finds a command on a PATH string: the absolute path, or `null`. Injectable so tests are deterministic. */
export type WhichFn = (command: string, pathVar: string, cwd: string | undefined) => string | null;

/** A JSON path inside the parsed document: object keys and array indices. */
export type DocPath = (string | number)[];

/** One server definition as written: its name, its path in the document and its value. */
export interface ServerEntry {
  name: string;
  path: DocPath;
  value: unknown;
}

/** What a rule reads. Built once per lint by `buildContext`; rules never mutate it. */
export interface LintContext {
  text: string;
  path: string;
  format: ConfigFormat;
  lines: LineIndex;
  /** The parsed document (JSONC-tolerant for JSON formats), `undefined` when nothing could be parsed. */
  data: unknown;
  /** jsonc-parser tree for JSON formats; `undefined` for TOML / YAML or when the text is not JSON at all. */
  tree?: Node;
  /** jsonc-parser errors in tolerant mode (comments and trailing commas allowed). */
  parseErrors: ParseError[];
  /** The file nests deeper than the readers go (`config/nesting.ts`): nothing was parsed and no rule runs. */
  tooDeep?: { message: string; range: Range };
  /** A syntax error of a TOML / YAML document, already located. */
  syntaxError?: { message: string; range: Range };
  /** The path of the object holding the servers (`[]` for a top-level key; `['settings','mcp']` for nested). */
  containerPath: DocPath;
  /** The key the servers map lives under inside the container (`servers`, `mcpServers`, …). */
  serversKey: string;
  servers: ServerEntry[];
  env: Readonly<Record<string, string | undefined>>;
  which: WhichFn;
  cwd?: string;
  /** Range of the key (`'key'`) or the value (`'value'`) at a document path; falls back to the nearest ancestor. */
  locate(path: DocPath, what?: 'key' | 'value'): Range;
  /** Whether a document path exists. */
  has(path: DocPath): boolean;
  /** JSON formats only: is the node at this path a property key we can rewrite with jsonc edits? */
  isJson: boolean;
  /** YAML formats: the `yaml` Document the data came from (node ranges for edits), when it parsed. */
  yamlDoc?: Document;
  /** TOML formats: key and value offsets of the text (`config/tomlPositions`), scanned on first use. */
  tomlPositions?: () => TomlPositions;
}

/** A rule: a pure function of the context. It may throw; `lint` turns that into an `internal-error` finding. */
export interface Rule {
  doc: RuleDoc;
  check(ctx: LintContext): Finding[];
}
