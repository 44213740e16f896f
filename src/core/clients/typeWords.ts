/**
 * `type` words: what every client writes, and the looser words people write by mistake.
 *
 * Pure core: no `vscode` import.
 */
import type { TransportKind } from '../config/model';

/**
 * `type` words of every client and the transport each names. No word means different things to
 * different clients, so one table serves all; whether a client accepts a word is its module's
 * `typeWords` (a lint rule). Sources (each client's documentation): VS Code, Claude Code, Cursor
 * `stdio|http|sse`; Cline `stdio|sse|streamableHttp`; Continue and Roo Code
 * `stdio|sse|streamable-http`; Gemini `sse|http`; GitHub Copilot CLI `local|stdio|http|sse`
 * (`local` is stdio); OpenCode `local|remote` (`remote` tries Streamable HTTP, then SSE, as our
 * `http` does); `websocket`/`ws` as older Continue configs and gateways write it.
 */
export const TYPE_WORDS: Readonly<Record<string, TransportKind>> = {
  stdio: 'stdio',
  local: 'stdio',
  remote: 'http',
  http: 'http',
  streamableHttp: 'http',
  'streamable-http': 'http',
  sse: 'sse',
  ws: 'ws',
  websocket: 'ws',
};

/**
 * Words no client accepts but people write for a transport, normalized (lower case, letters
 * only). The reader ignores them (the fields decide); the linter uses them to suggest the
 * client's own word.
 */
const MISTAKEN_WORDS: Readonly<Record<string, TransportKind>> = {
  command: 'stdio', process: 'stdio',
  serversentevents: 'sse', eventsource: 'sse',
  https: 'http', streamable: 'http', httpstream: 'http', streaming: 'http',
  wss: 'ws', websockets: 'ws', tcp: 'ws',
};

const normalize = (word: string) => word.toLowerCase().replace(/[^a-z]/g, '');

const FAMILIES: ReadonlyMap<string, TransportKind> = new Map([
  ...Object.entries(TYPE_WORDS).map(([w, k]) => [normalize(w), k] as const),
  ...Object.entries(MISTAKEN_WORDS),
]);

/** The transport a `type` word exactly as some client writes it names (`streamableHttp` → `http`), else `undefined`. */
export function transportOfWord(word: string): TransportKind | undefined {
  return Object.prototype.hasOwnProperty.call(TYPE_WORDS, word) ? TYPE_WORDS[word] : undefined;
}

/** What transport a `type` word means, whichever client's spelling or a common mistake (`Streamable-HTTP`, `local`). */
export function typeFamily(word: string): TransportKind | undefined {
  return FAMILIES.get(normalize(word));
}
