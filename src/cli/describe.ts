/**
 * `mcp-devtools describe <server> [tool]`: what the form will ask for a
 * tool's arguments (all tools when none is named): each field's JSON pointer, kind, whether it is
 * required, its default, and whether it falls back to a JSON step (and why).
 *
 * Exit codes: 0 described; 1 the server failed (to start, or sent a malformed tool list); 2 usage
 * error (unknown server or tool).
 */
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { describePlan, planForm, wholeFormAsJson, type FieldDescription } from '../core/forms';
import { defineCommand, summaryLine } from './io';
import { transportSummary } from '../core/config/model';
import { ADHOC_OPTIONS, ADHOC_SERVER_ARGUMENT, oneServer } from './adHoc';
import { CONFIG_OPTIONS, configChoice, DEFAULT_TIMEOUT_SECONDS, JSON_OPTION, timeoutMs, timeoutOption } from './options';
import { listItems } from '../core/connection/state';
import { resolveOn, withServer } from './session';
import { SESSION_OPTIONS, sessionFlags } from './sessionOptions';

/** The plan of one tool, as `--json` prints it. */
export interface ToolPlanDescription {
  tool: string;
  dialect: string;
  /** Some field is a JSON step. */
  fallsBackToJson: boolean;
  /** Why there is no form at all (a root `$ref` to itself, …): the arguments are one JSON value. */
  noForm?: string;
  fields: FieldDescription[];
}

/** A tool's plan as data. */
export function describeTool(tool: Tool): ToolPlanDescription {
  const plan = planForm(tool.inputSchema, tool.name);
  const fields = describePlan(plan);
  const asJson = wholeFormAsJson(plan);
  return { tool: tool.name, dialect: plan.dialect, fallsBackToJson: fields.some((f) => f.fallsBackToJson), ...(asJson !== undefined && { noForm: asJson }), fields };
}

function fieldLine(f: FieldDescription): string {
  const bits = [
    f.kind + (f.nullable ? ' | null' : ''),
    f.required ? 'required' : 'optional',
    'default' in f && `default ${JSON.stringify(f.default)}`,
    f.choices && `one of ${f.choices.map((c) => JSON.stringify(c)).join(', ')}`,
    'const' in f && `always ${JSON.stringify(f.const)}`,
    f.variant && `in variant "${f.variant}"`,
    f.fallsBackToJson && `JSON step: ${f.reason}`,
  ].filter(Boolean);
  const desc = f.description ? `  — ${summaryLine(f.description)}` : '';
  return `  ${f.pointer}  ${bits.join(', ')}${desc}`;
}

export const describeCommand = defineCommand({
  name: 'describe',
  summary: 'show the fields the call form asks for a tool (every tool when none is named), with JSON pointers and defaults; the server may be a URL or the command line after --',
  positionals: [ADHOC_SERVER_ARGUMENT, { name: 'tool', help: 'the tool\'s name (default: every tool)', optional: true }],
  options: { ...JSON_OPTION, ...timeoutOption(DEFAULT_TIMEOUT_SECONDS), ...CONFIG_OPTIONS, ...SESSION_OPTIONS, ...ADHOC_OPTIONS },
  failure: 'the server failed (to start, or to list its tools)',
  adHoc: true,
  async run(values, positionals, io, command) {
    const { server: picked, rest: [toolName] } = oneServer(values, positionals, command, io);
    const serverName = typeof picked === 'string' ? picked : picked.name;
    return withServer(io, 'describe', picked, { timeoutMs: timeoutMs(values.timeout), choice: configChoice(values), flags: sessionFlags(values, io) }, async (server) => {
      const tools = listItems(server.snapshot.lists.tools);
      let chosen = tools;
      if (toolName !== undefined || !tools.length) {
        // Throws for a tool not listed, naming those listed, or why none are (the list failed, no capability).
        const target = resolveOn(server, 'tool', toolName ?? '');
        chosen = target.kind === 'tool' ? [target.tool] : [];
      }
      const plans = chosen.map(describeTool);
      if (values.json) io.out(JSON.stringify(toolName === undefined ? plans : plans[0], null, 2));
      else {
        plans.forEach((p, i) => {
          if (i) io.out('');
          const tool = chosen[i];
          io.out(`${p.tool}${tool.description ? ` — ${summaryLine(tool.description)}` : ''}  (JSON Schema ${p.dialect})`);
          const asJson = p.noForm;
          const fields = p.fields.filter((f) => f.pointer !== '');
          const call = typeof picked === 'string' ? `mcp-devtools call ${serverName} ${tool.name} --args '{…}'`
            : picked.transport?.kind === 'stdio' ? `mcp-devtools call ${tool.name} --args '{…}' -- ${transportSummary(picked.transport)}`
            : `mcp-devtools call ${transportSummary(picked.transport)} ${tool.name} --args '{…}'`;
          if (asJson !== undefined) io.out(`  (no form: ${asJson}. The call takes its arguments as JSON: ${call})`);
          else if (!fields.length) io.out('  (no arguments)');
          for (const f of fields) io.out(fieldLine(f));
          if (asJson === undefined && p.fallsBackToJson) io.out(`  (a JSON step is typed as JSON; or give every argument as JSON: ${call})`);
        });
      }
      return 0;
    });
  },
});
