import type { RuleDoc } from './types';

/** The rule table as Markdown (code, severity, what it checks, fix), for the README. */
export function ruleTableMarkdown(docs: readonly RuleDoc[]): string {
  const cell = (s: string | undefined) => (s ?? '—').replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return [
    '| code | severity | what it checks | quick fix |',
    '|---|---|---|---|',
    ...docs.map((d) => `| \`${d.code}\` | ${d.severity} | ${cell(d.description)}${d.source ? ` (source: ${cell(d.source)})` : ''} | ${cell(d.fix)} |`),
  ].join('\n');
}
