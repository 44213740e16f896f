import * as vscode from 'vscode';
import type { ServersNode } from '../servers/serversTree';
import type { CallsContext } from './callsContext';
import { openResource } from '../resources/openResource';
import { executeCall } from './executeCall';
import { fillCall } from './fillCall';
import { pickServer } from '../servers/pickServer';

export type ReadResourceArg = { serverId?: string; uri?: string; uriTemplate?: string; variables?: Record<string, string> } | ServersNode | undefined;

/**
 * MCP: Read Resource… — a resource, or a resource template whose variables are filled through the
 * form planner (RFC 6570 `{var}`), opened like any resource. @returns the opened URI, or undefined
 */
export async function readResource(ctx: CallsContext, arg?: ReadResourceArg): Promise<vscode.Uri | undefined> {
  let serverId: string | undefined;
  let uri: string | undefined;
  let template: string | undefined;
  let variables: Record<string, string> | undefined;
  if (arg && 'kind' in arg) {
    if (arg.kind === 'entry' && arg.list === 'resourceTemplates') [serverId, template] = [arg.serverId, (arg.entry as { uriTemplate: string }).uriTemplate];
    else if (arg.kind === 'entry' && arg.list === 'resources') [serverId, uri] = [arg.serverId, (arg.entry as { uri: string }).uri];
    else if (arg.kind === 'server') serverId = arg.server.id;
  } else if (arg) [serverId, uri, template, variables] = [arg.serverId, arg.uri, arg.uriTemplate, arg.variables];
  serverId ??= await pickServer(ctx, undefined, 'MCP: Read Resource');
  if (!serverId) return undefined;
  const server = await ctx.live.requireRunning(serverId);
  if (!uri && !template) {
    const { resources, resourceTemplates: templates } = server;
    const pick = await vscode.window.showQuickPick(
      [
        ...resources.map((r) => ({ label: `$(file) ${r.title ?? r.name}`, description: r.uri, detail: r.description, uri: r.uri, template: undefined as string | undefined })),
        ...templates.map((t) => ({ label: `$(file-symlink-file) ${t.title ?? t.name}`, description: t.uriTemplate, detail: t.description, uri: undefined as string | undefined, template: t.uriTemplate })),
      ],
      { title: `MCP: Read Resource · ${server.name}`, placeHolder: `${resources.length} resources, ${templates.length} templates`, matchOnDescription: true },
    );
    if (!pick) return undefined;
    [uri, template] = [pick.uri, pick.template];
  }
  if (uri) return openResource(ctx, { serverId, uri });
  if (!template) return undefined;
  const call = await fillCall(ctx, { kind: 'resourceTemplate', server: serverId, name: template }, { arguments: variables });
  return call && (await executeCall(ctx, call)).opened;
}
