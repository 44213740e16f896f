/**
 * A transport wrapper that watches the traffic without changing it: it records the negotiated
 * protocol version, reports messages that are not JSON-RPC, keeps the client's requests still
 * waiting for an answer (so a lost connection can fail them at once, saying why, instead of the
 * SDK's bare "Connection closed" or a timeout), hands every JSON-RPC message to `onMessage` (the
 * Protocol view's log), and — only while trace is on — logs every JSON-RPC message with its
 * direction and, for responses, the round-trip duration.
 *
 * Pure core: no `vscode` import.
 */
import type { Transport, TransportSendOptions } from '@modelcontextprotocol/sdk/shared/transport.js';
import { ErrorCode, type JSONRPCMessage, type MessageExtraInfo, type RequestId } from '@modelcontextprotocol/sdk/types.js';

export interface TraceRecord {
  direction: 'send' | 'receive';
  message: JSONRPCMessage;
  method?: string;
  id?: RequestId;
  /** For a response: milliseconds since its request went the other way. */
  durationMs?: number;
}

export interface ObserverHooks {
  /** Whether to trace now; checked per message, so trace can be switched on and off live. */
  trace(): boolean;
  onTrace(record: TraceRecord): void;
  /** Every JSON-RPC message that passes, trace or not (the Protocol view keeps them; see `core/protocol`). */
  onMessage?(direction: 'send' | 'receive', message: JSONRPCMessage): void;
  /** An error from the inner transport (a line that is not JSON, a dropped stream, …). */
  onTransportError(error: Error): void;
}

/** What the session does when the inner transport closes, before the client hears of it. */
export type CloseGate = () => Promise<void>;

export class ObservedTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: <T extends JSONRPCMessage>(message: T, extra?: MessageExtraInfo) => void;
  /** The protocol version the client negotiated (spec 2025-06-18 sends it as `MCP-Protocol-Version`). */
  protocolVersion: string | undefined;
  /**
   * Runs when the inner transport closes, and the client hears of the close only once it settles:
   * time to learn why (exit code, last stderr lines) and {@link failPending} with that.
   */
  closeGate: CloseGate | undefined;
  private readonly pending = new Map<string, { at: number; method: string }>();
  /** The client's requests not answered yet: id → method. */
  private readonly inFlight = new Map<RequestId, string>();
  /** Requests whose SSE stream sent an event id: the SDK resumes such a stream itself (GET with `Last-Event-ID`). */
  private readonly resumable = new Set<RequestId>();

  constructor(readonly inner: Transport, private readonly hooks: ObserverHooks) {
    inner.onclose = () => {
      const gate = this.closeGate;
      if (!gate) return this.onclose?.();
      void gate().catch(() => undefined).then(() => this.onclose?.());
    };
    inner.onerror = (e) => {
      hooks.onTransportError(e);
      this.onerror?.(e);
    };
    inner.onmessage = (message, extra) => {
      const m = message as { id?: RequestId; method?: string };
      if (m.id !== undefined && m.method === undefined) {
        this.inFlight.delete(m.id);
        this.resumable.delete(m.id);
      }
      hooks.onMessage?.('receive', message);
      if (hooks.trace()) this.record('receive', message);
      this.onmessage?.(message, extra);
    };
  }

  get sessionId(): string | undefined {
    return this.inner.sessionId;
  }

  start(): Promise<void> {
    return this.inner.start();
  }

  send(message: JSONRPCMessage, options?: TransportSendOptions): Promise<void> {
    const m = message as { id?: RequestId; method?: string };
    if (m.id !== undefined && m.method !== undefined) {
      const id = m.id;
      this.inFlight.set(id, m.method);
      // Spec 2025-11-25, Streamable HTTP "Resumability": a stream with event ids may end and be
      // resumed; the SDK reports each id through this callback.
      const onresumptiontoken = options?.onresumptiontoken;
      options = {
        ...options, onresumptiontoken: (token) => {
          if (this.inFlight.has(id)) this.resumable.add(id);
          onresumptiontoken?.(token);
        },
      };
    }
    // A request given up on (timeout, abort) is answered by no one (spec: cancellation).
    if (m.method === 'notifications/cancelled') {
      const cancelled = (message as { params?: { requestId?: RequestId } }).params?.requestId ?? '';
      this.inFlight.delete(cancelled);
      this.resumable.delete(cancelled);
    }
    this.hooks.onMessage?.('send', message);
    if (this.hooks.trace()) this.record('send', message);
    return this.inner.send(message, options);
  }

  /** The client's requests still waiting for an answer, oldest first; `resumable` when their stream can be resumed. */
  waiting(): { id: RequestId; method: string; resumable: boolean }[] {
    return [...this.inFlight].map(([id, method]) => ({ id, method, resumable: this.resumable.has(id) }));
  }

  /**
   * Fails requests still waiting (all, or those of `ids`) at once: each gets a JSON-RPC error
   * response (`ConnectionClosed`, -32000) with `message(method)`, so the SDK rejects it with an
   * `McpError` saying why instead of waiting out its timeout or saying only "Connection closed".
   */
  failPending(message: (method: string) => string, ids?: readonly RequestId[]): void {
    for (const { id, method } of this.waiting()) {
      if (ids && !ids.includes(id)) continue;
      this.inFlight.delete(id);
      this.resumable.delete(id);
      this.onmessage?.({ jsonrpc: '2.0', id, error: { code: ErrorCode.ConnectionClosed, message: message(method) } });
    }
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  setProtocolVersion(version: string): void {
    this.protocolVersion = version;
    this.inner.setProtocolVersion?.(version);
  }

  private record(direction: 'send' | 'receive', message: JSONRPCMessage): void {
    const m = message as { id?: RequestId; method?: string };
    const rec: TraceRecord = { direction, message, id: m.id, method: m.method };
    if (m.id !== undefined && m.method !== undefined) {
      this.pending.set(`${direction}:${m.id}`, { at: performance.now(), method: m.method });
    } else if (m.id !== undefined) {
      // A response travels the other way from its request; ids of each side are separate.
      const key = `${direction === 'send' ? 'receive' : 'send'}:${m.id}`;
      const req = this.pending.get(key);
      if (req) {
        this.pending.delete(key);
        rec.durationMs = Math.round((performance.now() - req.at) * 10) / 10;
        rec.method = req.method;
      }
    }
    this.hooks.onTrace(rec);
  }
}
