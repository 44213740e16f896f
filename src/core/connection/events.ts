/**
 * A tiny typed event emitter and the log events a server produces.
 *
 * Pure core: no `vscode` import. The VS Code side turns these events into tree refreshes and
 * `LogOutputChannel` lines; the CLI prints them.
 */
import { EventEmitter } from 'node:events';
import type { LoggingLevel } from '@modelcontextprotocol/sdk/types.js';

/** A map from event name to the tuple of its listener's arguments. */
export type EventMap = Record<string, unknown[]>;

/**
 * A Node `EventEmitter` with typed event names and arguments. `on` returns an unsubscribe
 * function, so adapters can keep one disposable per listener.
 */
export class TypedEmitter<E extends EventMap> {
  private readonly inner = new EventEmitter();

  constructor() {
    // A tree, a status bar and a log channel per server may all listen: no leak warning for those.
    this.inner.setMaxListeners(0);
  }

  /** Adds a listener; returns the function that removes it. */
  on<K extends keyof E & string>(event: K, listener: (...args: E[K]) => void): () => void {
    this.inner.on(event, listener as (...args: unknown[]) => void);
    return () => this.inner.off(event, listener as (...args: unknown[]) => void);
  }

  /** Calls every listener synchronously. A throwing listener does not stop the others. */
  emit<K extends keyof E & string>(event: K, ...args: E[K]): void {
    for (const l of this.inner.listeners(event)) {
      try {
        (l as (...a: unknown[]) => void)(...args);
      } catch {
        // A listener's bug must not break the connection layer; listeners own their errors.
      }
    }
  }

  /** Removes every listener. */
  clear(): void {
    this.inner.removeAllListeners();
  }
}

/** Where a log line came from. Every `text` is already redacted (see core/secrets). */
export type LogEvent =
  /** One line the server process wrote to stderr (stdio only). */
  | { kind: 'stderr'; time: number; text: string }
  /** A `notifications/message` from the server (spec 2024-11-05, logging). */
  | { kind: 'server'; time: number; level: LoggingLevel; logger?: string; text: string }
  /**
   * One JSON-RPC message, only while trace is on. `durationMs` is set on a response: the time
   * since the matching request was sent (or received, for server-to-client requests).
   */
  | { kind: 'trace'; time: number; direction: 'send' | 'receive'; method?: string; id?: string | number; durationMs?: number; text: string }
  /** What the connection layer itself did or saw: start, exit, reconnect, a protocol error. */
  | { kind: 'lifecycle'; time: number; level: 'info' | 'warning' | 'error'; text: string };

/** `LoggingLevel` values in increasing severity (RFC 5424 order, as the spec uses). */
export const LOGGING_LEVELS: readonly LoggingLevel[] = ['debug', 'info', 'notice', 'warning', 'error', 'critical', 'alert', 'emergency'];
