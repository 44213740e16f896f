/**
 * What the doctor reports: one finding per problem, about one item of a server (a tool, prompt,
 * resource or resource template) or the server itself. Plain data, serialisable (`--json`, the tree).
 *
 * Pure core: no `vscode` import.
 */

/** `error`: breaks the spec or puts a user at risk (the CLI exits 1); `warning`: bad practice; `info`: worth knowing. */
export type Severity = 'error' | 'warning' | 'info';

/** What a finding is about; `server` for the server as a whole (a list that fails, pagination). */
export type ItemKind = 'server' | 'tool' | 'prompt' | 'resource' | 'resourceTemplate';

export interface DoctorItem {
  kind: ItemKind;
  /** The tool's or prompt's name, the resource's URI, the template's `uriTemplate`; `''` for the server. */
  name: string;
}

export interface Finding {
  /** The check's id (`tool-name-format`), stable: documented in the README, usable in scripts. */
  id: string;
  severity: Severity;
  item: DoctorItem;
  /** One short sentence: what is wrong and, where it helps, what to do. */
  reason: string;
}

/** The items of a server's lists as the server sent them (not validated: the doctor checks them). */
export interface RawLists {
  tools: unknown[];
  resources: unknown[];
  resourceTemplates: unknown[];
  prompts: unknown[];
}

/** One check: an id-prefix family of findings computed from the raw lists alone. */
export interface Check {
  /** The ids of the findings it may report. */
  ids: readonly string[];
  run(lists: RawLists): Finding[];
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Findings sorted by severity (errors first), then by item. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.item.kind.localeCompare(b.item.kind) || a.item.name.localeCompare(b.item.name));
}

/** Counts per severity. */
export function countFindings(findings: readonly Finding[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

/** `x` is a plain object (not null, not an array). */
export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** A tool's (prompt's, …) `name` as a string for a finding, whatever the server sent. */
export function nameOf(x: unknown, key = 'name'): string {
  const v = isRecord(x) ? x[key] : undefined;
  return typeof v === 'string' ? v : JSON.stringify(v) ?? '(none)';
}
