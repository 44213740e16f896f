/**
 * The doctor: checks what a running server sends (its lists, and with `callReadOnly` the results of
 * its read-only tools) against the MCP spec and good practice. Each check is one module in
 * `checks/` with the source of its rule; {@link CHECKS} is the table; findings are plain data.
 *
 * Pure core: no `vscode` import.
 */
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { ServerCapabilities } from '@modelcontextprotocol/sdk/types.js';
import { annotations } from './checks/annotations';
import { descriptions } from './checks/descriptions';
import { prompts } from './checks/prompts';
import { resources } from './checks/resources';
import { safety } from './checks/safety';
import { toolNames } from './checks/toolNames';
import { toolSchemas } from './checks/toolSchemas';
import { callReadOnlyTools } from './callReadOnly';
import { fetchRawLists } from './fetch';
import { sortFindings, type Check, type Finding, type RawLists } from './finding';

export { countFindings, sortFindings, type Check, type DoctorItem, type Finding, type ItemKind, type RawLists, type Severity } from './finding';
export { MAX_REVIEWABLE_DESCRIPTION, showInvisible } from './checks/safety';

/** Every check on the lists, in report order. */
export const CHECKS: readonly Check[] = [toolNames, toolSchemas, annotations, descriptions, safety, resources, prompts];

/** Every check of {@link CHECKS} on `lists`; sorted, errors first. Pure, never throws. */
export function checkLists(lists: RawLists): Finding[] {
  return sortFindings(CHECKS.flatMap((c) => c.run(lists)));
}

export interface DoctorOptions {
  /** Call the read-only tools that need no arguments and check their results. */
  callReadOnly?: boolean;
  /** Per request, milliseconds. */
  timeoutMs?: number;
}

/**
 * Checks the server behind `client` (connected; `capabilities` from its `initialize`): lists
 * everything, runs {@link CHECKS}, and with `callReadOnly` calls its read-only tools.
 * @returns the findings, errors first; never throws (a failed request is a finding)
 */
export async function checkServer(client: Client, capabilities: ServerCapabilities, options: DoctorOptions = {}): Promise<Finding[]> {
  const request = options.timeoutMs ? { timeout: options.timeoutMs } : undefined;
  const { lists, findings } = await fetchRawLists(client, capabilities, request);
  const called = options.callReadOnly ? await callReadOnlyTools(client, lists.tools, request) : [];
  return sortFindings([...findings, ...checkLists(lists), ...called]);
}
