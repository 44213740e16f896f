import type { RenderedResult } from '../core/results/parts';
import { pickServer } from '../servers/pickServer';
import type { RunningServer } from '../servers/runningServer';
import type { ServersNode } from '../servers/serversTree';
import type { CallsContext } from './callsContext';
import { executeCall } from './executeCall';
import { fillCall, type CallRequest } from './fillCall';

/** What a call command was given: the server's id and the tool's or prompt's name when known, and its arguments (see {@link CallRequest}). */
export interface GivenCall extends CallRequest {
  serverId?: string;
  name?: string;
}

/** The {@link GivenCall} of a tree node: an entry of `list` gives its server and name, a server node its id; any other node nothing. */
export function givenByNode(node: ServersNode, list: 'tools' | 'prompts'): GivenCall {
  if (node.kind === 'entry' && node.list === list) return { serverId: node.serverId, name: node.entry.name };
  if (node.kind === 'server') return { serverId: node.server.id };
  return {};
}

/**
 * Call Tool… and Get Prompt…: the server (picked when not given), the tool or prompt (`pick`ed from
 * the running server's list when not given), then the call pipeline (form, run, result view).
 * @returns the rendered result, or undefined when a pick or the form was cancelled (or went to the JSON editor)
 */
export async function runCallCommand(ctx: CallsContext, kind: 'tool' | 'prompt', given: GivenCall, title: string, pick: (server: RunningServer) => Thenable<string | undefined>): Promise<RenderedResult | undefined> {
  const serverId = given.serverId ?? (await pickServer(ctx, undefined, title));
  if (!serverId) return undefined;
  const name = given.name ?? (await pick(await ctx.live.requireRunning(serverId)));
  if (!name) return undefined;
  const call = await fillCall(ctx, { kind, server: serverId, name }, given);
  return call && (await executeCall(ctx, call)).rendered;
}
