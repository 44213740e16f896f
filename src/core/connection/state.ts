/**
 * The lifecycle of one server as a tagged union, with the helpers beside it (as VS Code's
 * `McpConnectionState` does).
 *
 *   stopped ──start──▶ starting ──connected──▶ running
 *      ▲                  │                       │ unexpected exit
 *      └──────stop────────┴──── error ◀───────────┘ (retrying after a backoff, or final)
 *
 * Pure core: no `vscode` import.
 */
import type { ServerLists } from './types';

/** Why a server is in the `error` state, and whether a reconnect is scheduled. */
export interface RetryInfo {
  /** The reconnect attempt that will run next, 1-based. */
  attempt: number;
  /** The most attempts that will be made (default 5). */
  maxAttempts: number;
  /** When the attempt runs: `Date.now()` milliseconds. */
  at: number;
}

export type ServerState =
  | { kind: 'stopped' }
  /** `attempt` is 0 for a start the user asked for, 1… for automatic reconnects. */
  | { kind: 'starting'; attempt: number; since: number }
  /** `since`: `Date.now()` milliseconds when `initialize` completed. */
  | { kind: 'running'; since: number }
  /**
   * `message` says what failed, why and what to do (secrets redacted); `stderrTail` holds the
   * server's last stderr lines. With `retry` set a reconnect is scheduled; without, it is final.
   * `signInRequired`: the server answered 401 and nobody could answer a consent page
   * (`AuthRequiredError`); a front end offers Sign In.
   */
  | { kind: 'error'; message: string; stderrTail: string[]; retry?: RetryInfo; signInRequired?: boolean };

export type ServerStateKind = ServerState['kind'];

export const ServerState = {
  stopped: { kind: 'stopped' } as ServerState,

  /** True while a process or session exists or is being made (`starting`, `running`, or a scheduled retry). */
  isActive(s: ServerState): boolean {
    return s.kind === 'starting' || s.kind === 'running' || (s.kind === 'error' && s.retry !== undefined);
  },

  /** True when `start` would do something: the server is stopped, or in a final error. */
  canBeStarted(s: ServerState): boolean {
    return s.kind === 'stopped' || (s.kind === 'error' && s.retry === undefined);
  },

  /** True when `stop` would do something. */
  canBeStopped(s: ServerState): boolean {
    return ServerState.isActive(s);
  },

  /** A short word for the UI: `stopped`, `starting`, `running`, `reconnecting`, `error`. */
  label(s: ServerState): string {
    if (s.kind === 'starting' && s.attempt > 0) return 'reconnecting';
    if (s.kind === 'error' && s.retry) return 'reconnecting';
    return s.kind;
  },
};

/** The first reconnect delay (`ReconnectOptions.baseMs` default), milliseconds. */
const BACKOFF_BASE_MS = 1000;
/** The longest reconnect delay (`ReconnectOptions.maxMs` default), milliseconds. */
const BACKOFF_MAX_MS = 30_000;

/**
 * The backoff before reconnect attempt `attempt` (1-based): `baseMs` doubling, capped at `maxMs`.
 * With the defaults: 1 s, 2 s, 4 s, 8 s, 16 s (then 30 s).
 */
export function backoffDelay(attempt: number, baseMs = BACKOFF_BASE_MS, maxMs = BACKOFF_MAX_MS): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}

/** One list a server offers. The capability decides whether it exists at all. */
export type ListKind = 'tools' | 'resources' | 'resourceTemplates' | 'prompts';

export const LIST_KINDS: readonly ListKind[] = ['tools', 'resources', 'resourceTemplates', 'prompts'];

/**
 * The state of one list. `unsupported`: the server did not declare the capability (tools,
 * resources or prompts, spec 2024-11-05 `initialize`). `loading` keeps the previous items while a
 * `list_changed` refresh runs, so a tree does not flicker.
 */
export type ListState<T> =
  | { kind: 'unsupported' }
  | { kind: 'loading'; previous?: T[] }
  | { kind: 'loaded'; items: T[] }
  | { kind: 'error'; message: string };

/** The items of a list state: the loaded ones, or the previous ones while reloading, else `[]`. */
export function listItems<T>(s: ListState<T>): T[] {
  if (s.kind === 'loaded') return s.items;
  if (s.kind === 'loading') return s.previous ?? [];
  return [];
}

/** Every list `unsupported`: the state before `initialize` says otherwise. */
export function unsupportedLists(): ServerLists {
  return { tools: { kind: 'unsupported' }, resources: { kind: 'unsupported' }, resourceTemplates: { kind: 'unsupported' }, prompts: { kind: 'unsupported' } };
}
