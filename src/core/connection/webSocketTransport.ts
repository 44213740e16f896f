/**
 * A WebSocket client transport on the `ws` package.
 *
 * WebSocket was never an MCP spec transport, but some servers and gateways offer it: one JSON-RPC
 * message per text frame, subprotocol `mcp`. The SDK's `WebSocketClientTransport` relies on a
 * global `WebSocket`, which Node 20 (the CLI's runtime) lacks, and cannot send headers; this one
 * works on every Node and sends the configured headers with the upgrade request.
 *
 * Pure core: no `vscode` import.
 */
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { JSONRPCMessageSchema, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import WebSocket from 'ws';

/** How long the WebSocket upgrade may take, milliseconds. */
const HANDSHAKE_TIMEOUT_MS = 30_000;
/** How long a closing socket gets to finish the close handshake before it is terminated, milliseconds. */
const CLOSE_TIMEOUT_MS = 1000;

export class WebSocketTransport implements Transport {
  private socket: WebSocket | undefined;
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;

  /**
   * @param url `ws://` or `wss://`
   * @param headers sent with the HTTP upgrade request (e.g. `Authorization`)
   */
  constructor(private readonly url: URL, private readonly headers: Record<string, string> = {}) {}

  /** Opens the socket. Rejects with the server's HTTP status when the upgrade is refused. */
  start(): Promise<void> {
    if (this.socket) throw new Error('WebSocketTransport already started');
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(this.url, 'mcp', { headers: this.headers, handshakeTimeout: HANDSHAKE_TIMEOUT_MS });
      this.socket = socket;
      let open = false;
      socket.on('open', () => {
        open = true;
        resolve();
      });
      socket.on('unexpected-response', (_req, res) => {
        const err = new Error(`WebSocket upgrade refused: HTTP ${res.statusCode} ${res.statusMessage ?? ''}`.trim());
        res.resume();
        socket.terminate();
        if (!open) reject(err);
        this.onerror?.(err);
      });
      socket.on('error', (err) => {
        if (!open) reject(err);
        this.onerror?.(err);
      });
      socket.on('close', () => {
        this.socket = undefined;
        this.onclose?.();
      });
      socket.on('message', (data, isBinary) => {
        let message: JSONRPCMessage;
        try {
          message = JSONRPCMessageSchema.parse(JSON.parse(isBinary ? Buffer.from(data as Buffer).toString('utf8') : data.toString()));
        } catch (e) {
          this.onerror?.(e as Error);
          return;
        }
        this.onmessage?.(message);
      });
    });
  }

  async send(message: JSONRPCMessage): Promise<void> {
    const socket = this.socket;
    if (!socket || socket.readyState !== WebSocket.OPEN) throw new Error('WebSocket is not connected');
    await new Promise<void>((resolve, reject) => socket.send(JSON.stringify(message), (err) => (err ? reject(err) : resolve())));
  }

  async close(): Promise<void> {
    const socket = this.socket;
    if (!socket) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        socket.terminate();
        resolve();
      }, CLOSE_TIMEOUT_MS);
      socket.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      socket.close();
    });
  }
}
