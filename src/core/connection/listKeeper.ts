/**
 * One server's lists (tools, resources, resource templates, prompts) and how they are refreshed:
 * every page, on start and on each `notifications/…/list_changed` (spec 2024-11-05), with
 * concurrent refreshes of the same list coalesced.
 *
 * Pure core: no `vscode` import.
 */
import type { Connection } from './connect';
import { describeListError, listAll, supportsList } from './lists';
import { unsupportedLists, type ListKind } from './state';
import type { ServerLists } from './types';

export interface ListKeeperHooks {
  /** One list's state changed. */
  changed(kind: ListKind): void;
  /** A list failed; `message` is already redacted. */
  failed(message: string): void;
  redact(text: string): string;
  /** Per list request, milliseconds. */
  timeoutMs: number;
}

const MAX_MESSAGE = 2000;

export class ListKeeper {
  lists: ServerLists = unsupportedLists();
  private readonly refreshing = new Map<ListKind, { session: Connection; dirty: boolean; done: Promise<void> }>();

  constructor(private readonly hooks: ListKeeperHooks) {}

  /** Forgets every list (the session ended). Fires no event: the state change says it. */
  clear(): void {
    this.lists = unsupportedLists();
  }

  /**
   * Re-lists one list of `session`, all pages. A refresh asked for while one of the same session
   * runs marks it dirty, and one more listing follows, so a burst of `list_changed` costs at most
   * two listings. `live()` false (the session was replaced or stopped) drops the results.
   */
  refresh(kind: ListKind, session: Connection, live: () => boolean): Promise<void> {
    const running = this.refreshing.get(kind);
    if (running && running.session === session) {
      running.dirty = true;
      return running.done;
    }
    const entry = { session, dirty: false, done: Promise.resolve() };
    entry.done = (async () => {
      do {
        entry.dirty = false;
        await this.load(kind, session, live);
      } while (entry.dirty && live());
      if (this.refreshing.get(kind) === entry) this.refreshing.delete(kind);
    })();
    this.refreshing.set(kind, entry);
    return entry.done;
  }

  private async load(kind: ListKind, session: Connection, live: () => boolean): Promise<void> {
    if (!live()) return;
    if (!supportsList(session.capabilities, kind)) {
      this.set(kind, { kind: 'unsupported' });
      return;
    }
    const prev = this.lists[kind];
    this.set(kind, { kind: 'loading', previous: prev.kind === 'loaded' ? prev.items : undefined } as ServerLists[typeof kind]);
    try {
      const items = await listAll(session.client, kind, { timeout: this.hooks.timeoutMs });
      if (live()) this.set(kind, { kind: 'loaded', items } as ServerLists[typeof kind]);
    } catch (e) {
      if (!live()) return;
      const message = this.hooks.redact(describeListError(kind, e)).slice(0, MAX_MESSAGE);
      this.hooks.failed(message);
      this.set(kind, { kind: 'error', message });
    }
  }

  private set<K extends ListKind>(kind: K, state: ServerLists[K]): void {
    this.lists = { ...this.lists, [kind]: state };
    this.hooks.changed(kind);
  }
}
