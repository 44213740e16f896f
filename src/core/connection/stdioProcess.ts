/**
 * The server process behind the SDK's `StdioClientTransport`. The SDK exposes its `pid` (a public
 * getter) but keeps the `ChildProcess` itself in the private field `_process`
 * (@modelcontextprotocol/sdk 1.x); that child's `exit` event gives the exit code and signal that
 * make a crash message useful.
 *
 * Both are read with a runtime check, never a bare cast: when an SDK upgrade renames or reshapes
 * them they come back `undefined`, and `connect.ts` degrades and says so in the server's log
 * (crash messages without the exit code; without a pid, no process-tree clean-up on stop, only
 * the SDK's own close). test/unit/connection/stdioProcess.test.ts holds both for the SDK installed,
 * so such an upgrade fails a test instead of leaking processes silently.
 *
 * Pure core: no `vscode` import.
 */
import { ChildProcess } from 'node:child_process';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';

/** The child process of a started stdio transport, or `undefined` when the SDK does not have one where we look. */
export function stdioChild(transport: Transport): ChildProcess | undefined {
  const child: unknown = (transport as { _process?: unknown })._process;
  return child instanceof ChildProcess ? child : undefined;
}

/** The server's process id: the SDK's public `pid`, else its child's; `undefined` when neither is there. */
export function stdioPid(transport: Transport): number | undefined {
  const pid: unknown = (transport as { pid?: unknown }).pid;
  if (typeof pid === 'number' && Number.isInteger(pid) && pid > 0) return pid;
  return stdioChild(transport)?.pid;
}
