import type { ListItems, ServerInfo, ServerSnapshot } from '../core/connection';
import { listItems } from '../core/connection/state';

/**
 * A running server as a command needs it: its id and name, what `initialize` said, and its lists
 * unpacked ({@link listItems}: the loaded items, or the previous ones while a `list_changed`
 * refresh runs; `[]` for a list the server does not offer or that failed).
 */
export interface RunningServer {
  id: string;
  /** The server's name in its config file. */
  name: string;
  snapshot: ServerSnapshot;
  info: ServerInfo | undefined;
  tools: ListItems['tools'][];
  resources: ListItems['resources'][];
  resourceTemplates: ListItems['resourceTemplates'][];
  prompts: ListItems['prompts'][];
}

/** The {@link RunningServer} of a snapshot, or undefined when the server is not running. */
export function runningServer(s: ServerSnapshot | undefined): RunningServer | undefined {
  if (s?.state.kind !== 'running') return undefined;
  return {
    id: s.id,
    name: s.definition.name,
    snapshot: s,
    info: s.info,
    tools: listItems(s.lists.tools),
    resources: listItems(s.lists.resources),
    resourceTemplates: listItems(s.lists.resourceTemplates),
    prompts: listItems(s.lists.prompts),
  };
}

/** Why a server is not running, for an error message: `server "x" is not running: <its error>`. */
export function notRunningMessage(s: ServerSnapshot | undefined, id: string): string {
  return `server "${s?.definition.name ?? id}" is not running${s?.state.kind === 'error' ? `: ${s.state.message}` : ''}`;
}
