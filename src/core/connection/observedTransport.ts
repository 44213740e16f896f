/**
 * A transport wrapper that watches the traffic without changing it: it records the negotiated
 * protocol version, reports messages that are not JSON-RPC, and — only while trace is on — logs
 * every JSON-RPC message with its direction and, for responses, the round-trip duration.
 *
 * Pure core: no `vscode` import.
 */
import type { Transport, TransportSendOptions } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage, MessageExtraInfo, RequestId } from '@modelcontextprotocol/sdk/types.js';

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
  /** An error from the inner transport (a line that is not JSON, a dropped stream, …). */
  onTransportError(error: Error): void;
}

export class ObservedTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: <T extends JSONRPCMessage>(message: T, extra?: MessageExtraInfo) => void;
  /** The protocol version the client negotiated (spec 2025-06-18 sends it as `MCP-Protocol-Version`). */
  protocolVersion: string | undefined;
  private readonly pending = new Map<string, { at: number; method: string }>();

  constructor(readonly inner: Transport, private readonly hooks: ObserverHooks) {
    inner.onclose = () => this.onclose?.();
    inner.onerror = (e) => {
      hooks.onTransportError(e);
      this.onerror?.(e);
    };
    inner.onmessage = (message, extra) => {
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
    if (this.hooks.trace()) this.record('send', message);
    return this.inner.send(message, options);
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
