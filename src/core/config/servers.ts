import type { ClientId, ConfigFile, Range, Scope, ServerDefinition } from './model';
import { devOf } from './devRules';
import { optionsOf } from './optionRules';
import { child, str, type SourceNode } from './sourceTree';
import { transportOf, typeWordOf } from './transportRules';

/** What every reader knows about the file it reads. */
export interface FileContext {
  path: string;
  client: ClientId;
  scope: Scope;
  /** The format id, recorded on the {@link ConfigFile}. */
  format?: string;
}

/** A {@link ConfigFile} with no servers yet. */
export function emptyFile(ctx: FileContext): ConfigFile {
  const file: ConfigFile = { path: ctx.path, client: ctx.client, scope: ctx.scope, servers: [], inputs: [] };
  if (ctx.format) file.format = ctx.format;
  return file;
}

/** A range covering nothing at the start of the file, for definitions whose position is unknown. */
export const NO_RANGE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 }, offset: 0, length: 0 };

/**
 * One normalized {@link ServerDefinition} from a server's object node: its transport and client
 * options by the rules of `ctx.client` (see transportRules.ts and optionRules.ts).
 * A node that is not an object still yields a definition (no transport), so the server is listed.
 *
 * @param project Claude Code local scope: the project path, which also goes into the id
 *   (`<file>#<project>#<name>`) so ids stay unique; otherwise the id is `<file>#<name>`.
 */
export function serverFrom(
  node: SourceNode,
  name: string,
  nameRange: Range | undefined,
  ctx: FileContext,
  project?: string,
): ServerDefinition {
  const def: ServerDefinition = {
    name,
    id: project === undefined ? `${ctx.path}#${name}` : `${ctx.path}#${project}#${name}`,
    client: ctx.client,
    file: ctx.path,
    range: node.range ?? nameRange ?? NO_RANGE,
    options: {},
  };
  if (nameRange) def.nameRange = nameRange;
  if (project !== undefined) def.project = project;
  const transport = transportOf(node, ctx.client);
  if (transport) def.transport = transport;
  const typeWord = node.type === 'object' ? typeWordOf(node) : undefined;
  if (typeWord) def.typeWord = typeWord;
  const { options, ranges } = optionsOf(node, ctx.client);
  def.options = options;
  if (Object.keys(ranges).length) def.optionRanges = ranges;
  const dev = ctx.client === 'vscode' ? devOf(node) : undefined;
  if (dev) def.dev = dev;
  return def;
}

/** The servers of a name → definition map (`servers`, `mcpServers`, `[mcp_servers]`), in file order. */
export function serversFromMap(map: SourceNode | undefined, ctx: FileContext, project?: string): ServerDefinition[] {
  if (map?.type !== 'object') return [];
  return map.entries.map((e) => serverFrom(e.value, e.key, e.keyRange, ctx, project));
}

/**
 * The servers of a list of definitions each carrying its `name` (Continue's `mcpServers:` list).
 * An item without a string `name` is named `#<index>` (the linter reports it) so it is not lost.
 */
export function serversFromList(list: SourceNode | undefined, ctx: FileContext): ServerDefinition[] {
  if (list?.type !== 'array') return [];
  return list.items.map((item, i) => {
    const name = str(child(item, 'name'));
    return serverFrom(item, name?.value ?? `#${i}`, name?.range, ctx);
  });
}
