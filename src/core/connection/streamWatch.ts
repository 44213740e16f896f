/**
 * Notices a Streamable HTTP response stream that ends before it carried the answers to its
 * requests. The SDK reads the SSE stream of a POST in the background: when the stream breaks it
 * only reports "SSE stream disconnected" (no request named), when it simply ends it reports
 * nothing, and the request waits out its whole timeout. This `fetch` for the SDK's transport
 * tells which requests a POST carried and when its event stream ended.
 *
 * Pure core: no `vscode` import.
 */
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { RequestId } from '@modelcontextprotocol/sdk/types.js';

/**
 * A stream of a POST ended: `ids` are the requests the POST carried (answered or not), `error`
 * is why it broke (`undefined`: the server ended it).
 */
export type StreamEnded = (ids: RequestId[], error: unknown) => void;

/**
 * A `fetch` that passes everything through unchanged, and calls `ended` when the
 * `text/event-stream` body of a POST that carried requests ends or breaks. Not for a fetch the
 * caller aborted (the session closing).
 */
export function watchResponseStreams(ended: StreamEnded, base: FetchLike = fetch): FetchLike {
  return async (url, init) => {
    const response = await base(url, init);
    const type = response.headers.get('content-type')?.split(';', 1)[0].trim().toLowerCase();
    if (init?.method !== 'POST' || !response.body || type !== 'text/event-stream') return response;
    const ids = requestIds(init.body);
    if (!ids.length) return response;
    const reader = response.body.getReader();
    const report = (error: unknown) => {
      if (!init.signal?.aborted) ended(ids, error);
    };
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        let chunk: Awaited<ReturnType<typeof reader.read>>;
        try {
          chunk = await reader.read();
        } catch (e) {
          controller.error(e);
          report(e);
          return;
        }
        if (!chunk.done) return controller.enqueue(chunk.value);
        controller.close();
        report(undefined);
      },
      cancel: (reason) => reader.cancel(reason),
    });
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

/** The ids of the JSON-RPC requests in a POST body (one message or a batch). */
function requestIds(body: unknown): RequestId[] {
  if (typeof body !== 'string') return [];
  try {
    const parsed: unknown = JSON.parse(body);
    return (Array.isArray(parsed) ? parsed : [parsed])
      .filter((m): m is { id: RequestId; method: string } => typeof m === 'object' && m !== null && 'method' in m && 'id' in m)
      .map((m) => m.id);
  } catch {
    return [];
  }
}
