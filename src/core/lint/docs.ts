import type { RuleDoc } from './types';
import type { VsCodeOverlap } from './vscodeOverlap';

/** The rule table as Markdown (code, severity, what it checks, fix), for the README. */
export function ruleTableMarkdown(docs: readonly RuleDoc[]): string {
  const cell = (s: string | undefined) => (s ?? '—').replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return [
    '| code | severity | what it checks | quick fix |',
    '|---|---|---|---|',
    ...docs.map((d) => `| \`${d.code}\` | ${d.severity} | ${cell(d.description)}${d.source ? ` (source: ${cell(d.source)})` : ''} | ${cell(d.fix)} |`),
  ].join('\n');
}

const OURS: Record<VsCodeOverlap['ours'], string> = { dropped: 'not reported', 'fix-only': 'reported only with a quick fix', kept: 'reported too' };

/** The rules VS Code's own diagnostics repeat in its files, as Markdown (rule, VS Code says, ours, why), for the README. */
export function overlapTableMarkdown(overlap: readonly VsCodeOverlap[]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return [
    '| rule | VS Code reports | ours in VS Code\'s files | why |',
    '|---|---|---|---|',
    ...overlap.map((o) => `| \`${o.code}\` | ${cell(o.vscode)} | ${OURS[o.ours]} | ${cell(o.why)} |`),
  ].join('\n');
}
