/**
 * The Protocol view's data: every JSON-RPC message of one server, kept in a bounded ring (the
 * oldest dropped first), each with its direction, kind, method, id, size in bytes, and — once its
 * response came — the round trip in milliseconds on the monotonic clock. A response is paired with
 * its request by id (the request went the other way; each side numbers its own requests, JSON-RPC
 * 2.0 §4), and a response names its request's method. What is read of a message is masked (see
 * `mask.ts`), and a huge one is kept cut to {@link MessageLogOptions.maxTextChars} with its true size.
 *
 * Pure core: no `vscode` import.
 */
import { maskJson, maskJsonText } from './mask';

/** `sent`: from this client to the server; `received`: from the server. */
export type Direction = 'sent' | 'received';

/** JSON-RPC 2.0's four shapes; `error` is a response with `error` instead of `result`. */
export type MessageKind = 'request' | 'notification' | 'response' | 'error';

export type RequestId = string | number;

/** One message as the Protocol view shows it. Request records change when their response comes. */
export interface MessageRecord {
  /** 1, 2, 3… in arrival order, never reused within a log. */
  seq: number;
  /** Wall-clock time, epoch milliseconds (for display only). */
  time: number;
  /** When it passed, milliseconds on the monotonic clock (`performance.now()`); durations come from these. */
  at: number;
  direction: Direction;
  kind: MessageKind;
  /** The method; for a response, its request's method when the request is known. */
  method?: string;
  id?: RequestId;
  /** UTF-8 bytes of the message serialized as JSON (what a stdio transport writes, less its newline). */
  sizeBytes: number;
  /**
   * The masked message as compact JSON, cut to `maxTextChars` when `truncated`. Masked when first
   * read (keeping a message costs one `JSON.stringify`; masking is paid only for what is shown).
   */
  readonly json: string;
  truncated: boolean;
  /** Which session (1, 2, …): each `initialize` request starts a new one (spec: lifecycle). */
  session: number;
  /** On a request and its response: milliseconds from the request to the response. */
  durationMs?: number;
  /** The `seq` of the matching request or response. */
  pair?: number;
  /** A JSON-RPC error (`-32602 Invalid params`) or a tool result with `isError` (`isError`); on the response and its request. */
  error?: string;
  /** A request given up on: `notifications/cancelled` named it before any response came. */
  cancelled?: boolean;
}

export interface MessageLogOptions {
  /** Messages kept (oldest dropped first); 0 keeps none. Default {@link DEFAULT_PROTOCOL_CAPACITY}. */
  capacity?: number;
  /** Characters of JSON kept per message; a longer message is kept cut, with its true size. Default {@link DEFAULT_MAX_TEXT_CHARS}. */
  maxTextChars?: number;
  /** Characters of JSON kept over the whole log; past it the oldest messages go. Default {@link DEFAULT_MAX_TOTAL_CHARS}. */
  maxTotalChars?: number;
  /**
   * Replaces secrets inside a text (e.g. the server's `Redactor.redact`): applied, with the
   * credential-name rule of `maskMessage`, to every string of a message when its JSON is first
   * read. Default: only the credential-name rule.
   */
  redact?: (text: string) => string;
  /** The monotonic clock, milliseconds. Default `performance.now`. */
  now?: () => number;
}

/** What changed: a record was added, and maybe an earlier one (the request it answers or cancels) was updated. */
export interface MessageLogChange {
  added: MessageRecord;
  updated?: MessageRecord;
}

/** The default of `MessageLogOptions.capacity` (and of the `protocol.maxMessages` setting). */
export const DEFAULT_PROTOCOL_CAPACITY = 2000;
/** The default of `MessageLogOptions.maxTextChars`: 64 Ki characters per message. */
export const DEFAULT_MAX_TEXT_CHARS = 64 * 1024;
/** The default of `MessageLogOptions.maxTotalChars`: 8 Mi characters (16 MiB of UTF-16) per server. */
export const DEFAULT_MAX_TOTAL_CHARS = 8 * 1024 * 1024;

interface Wire {
  id?: RequestId | null;
  method?: unknown;
  params?: { requestId?: RequestId };
  result?: { isError?: unknown };
  error?: { code?: unknown; message?: unknown };
}

export class MessageLog {
  private ring: (MessageRecord | undefined)[];
  /** Index in {@link ring} of the oldest record. */
  private start = 0;
  private count = 0;
  private nextSeq = 1;
  private session = 0;
  private totalChars = 0;
  /** Requests waiting for their response: `${direction}:${id}` → record. */
  private readonly pending = new Map<string, MessageRecord>();
  private readonly listeners = new Set<(change: MessageLogChange) => void>();
  private capacity: number;
  private readonly maxTextChars: number;
  private readonly maxTotalChars: number;
  /** Records dropped to stay within the bounds, since the log was made or cleared. */
  private droppedCount = 0;
  /** Messages noted by {@link enqueue}, not kept yet. */
  private queue: { direction: Direction; message: unknown; at: number; time: number }[] = [];
  private scheduled = false;

  /** Records dropped to stay within the bounds, since the log was made or cleared. */
  get dropped(): number {
    this.drain();
    return this.droppedCount;
  }

  constructor(private readonly options: MessageLogOptions = {}) {
    this.capacity = Math.max(0, Math.floor(options.capacity ?? DEFAULT_PROTOCOL_CAPACITY));
    this.maxTextChars = options.maxTextChars ?? DEFAULT_MAX_TEXT_CHARS;
    this.maxTotalChars = options.maxTotalChars ?? DEFAULT_MAX_TOTAL_CHARS;
    this.ring = new Array(this.capacity);
  }

  /**
   * Keeps one message that passed in `direction`, pairs it with its request or response, and tells
   * the listeners. @returns its record, or undefined when the capacity is 0 (nothing is kept)
   */
  append(direction: Direction, message: unknown): MessageRecord | undefined {
    this.drain();
    return this.keep(direction, message, (this.options.now ?? performance.now.bind(performance))(), Date.now());
  }

  /**
   * {@link append} for the hot path: notes the time now (durations stay exact) and keeps the
   * message on the next turn of the event loop (`setImmediate`), so serializing it happens while
   * the client waits for the server instead of before the message goes out. Reading the log
   * (`records`, `get`, `size`, …) keeps what is queued first.
   */
  enqueue(direction: Direction, message: unknown): void {
    if (this.capacity === 0) return;
    this.queue.push({ direction, message, at: (this.options.now ?? performance.now.bind(performance))(), time: Date.now() });
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.drain());
    }
  }

  /** Keeps every queued message, in order. */
  private drain(): void {
    this.scheduled = false;
    if (!this.queue.length) return;
    const q = this.queue;
    this.queue = [];
    for (const e of q) this.keep(e.direction, e.message, e.at, e.time);
  }

  private keep(direction: Direction, message: unknown, at: number, time: number): MessageRecord | undefined {
    if (this.capacity === 0) return undefined;
    const m = (message ?? {}) as Wire;
    const raw = JSON.stringify(message) ?? '';
    const truncated = raw.length > this.maxTextChars;
    const method = typeof m.method === 'string' ? m.method : undefined;
    const hasId = m.id !== undefined && m.id !== null;
    const kind: MessageKind = method !== undefined ? (hasId ? 'request' : 'notification') : m.error !== undefined ? 'error' : 'response';
    if (kind === 'request' && method === 'initialize') {
      this.session++;
      this.pending.clear();
    }
    const rec = new KeptMessage(this.seqAndRedact(), {
      time, at, direction, kind, method, id: hasId ? (m.id as RequestId) : undefined,
      sizeBytes: Buffer.byteLength(raw, 'utf8'), truncated, session: Math.max(this.session, 1),
    }, truncated ? raw.slice(0, this.maxTextChars) : raw);
    let updated: MessageRecord | undefined;
    if (kind === 'request') {
      this.pending.set(`${direction}:${rec.id}`, rec);
    } else if (kind === 'response' || kind === 'error') {
      // What is shown of an error is masked too (its message may quote an argument).
      if (kind === 'error') rec.error = describeError(m.error, this.options.redact);
      else if (m.result?.isError === true) rec.error = 'isError';
      // A response travels the other way from its request.
      const key = `${direction === 'sent' ? 'received' : 'sent'}:${rec.id}`;
      const req = this.pending.get(key);
      if (req) {
        this.pending.delete(key);
        rec.method = req.method;
        rec.pair = req.seq;
        rec.durationMs = Math.round((at - req.at) * 10) / 10;
        req.pair = rec.seq;
        req.durationMs = rec.durationMs;
        req.error = rec.error;
        updated = req;
      }
    } else if (method === 'notifications/cancelled' && m.params?.requestId !== undefined) {
      // The cancelled request went the same way as this notification (spec: cancellation).
      const key = `${direction}:${m.params.requestId}`;
      const req = this.pending.get(key);
      if (req) {
        this.pending.delete(key);
        req.cancelled = true;
        updated = req;
      }
    }
    this.push(rec);
    const change = { added: rec, updated };
    for (const l of this.listeners) l(change);
    return rec;
  }

  /** Every record kept, oldest first. */
  records(): MessageRecord[] {
    this.drain();
    const out: MessageRecord[] = [];
    for (let i = 0; i < this.count; i++) out.push(this.ring[(this.start + i) % this.ring.length]!);
    return out;
  }

  /** The record with this `seq`, if it is still kept. */
  get(seq: number): MessageRecord | undefined {
    this.drain();
    if (!this.count) return undefined;
    const first = this.ring[this.start]!.seq;
    const i = seq - first;
    return i >= 0 && i < this.count ? this.ring[(this.start + i) % this.ring.length] : undefined;
  }

  /** How many records are kept. */
  get size(): number {
    this.drain();
    return this.count;
  }

  /** The `seq` of the oldest record kept (the next one's when empty). */
  get firstSeq(): number {
    this.drain();
    return this.count ? this.ring[this.start]!.seq : this.nextSeq;
  }

  /** Calls `listener` after each {@link append}; returns the function that removes it. */
  onChange(listener: (change: MessageLogChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Changes how many messages are kept; the oldest go when it shrinks. */
  resize(capacity: number): void {
    this.drain();
    const kept = this.records();
    this.capacity = Math.max(0, Math.floor(capacity));
    this.ring = new Array(this.capacity);
    this.start = 0;
    this.count = 0;
    this.totalChars = 0;
    for (const r of kept.slice(Math.max(0, kept.length - this.capacity))) this.push(r);
    this.forgetDropped(kept.slice(0, Math.max(0, kept.length - this.capacity)));
    this.droppedCount += Math.max(0, kept.length - this.capacity);
  }

  /** Forgets every record (the `seq` numbers go on). */
  clear(): void {
    this.queue = [];
    this.ring = new Array(this.capacity);
    this.start = 0;
    this.count = 0;
    this.totalChars = 0;
    this.droppedCount = 0;
    this.pending.clear();
  }

  /** The next seq, and the redaction its record will mask with. */
  private seqAndRedact(): { seq: number; redact?: (text: string) => string } {
    return { seq: this.nextSeq++, redact: this.options.redact };
  }

  private push(rec: MessageRecord): void {
    if (this.capacity === 0) return;
    const gone: MessageRecord[] = [];
    while (this.count && (this.count >= this.capacity || this.totalChars + (rec as KeptMessage).length > this.maxTotalChars)) gone.push(this.shift());
    this.ring[(this.start + this.count) % this.ring.length] = rec;
    this.count++;
    this.totalChars += (rec as KeptMessage).length;
    this.forgetDropped(gone);
    this.droppedCount += gone.length;
  }

  private shift(): MessageRecord {
    const r = this.ring[this.start]!;
    this.ring[this.start] = undefined;
    this.start = (this.start + 1) % this.ring.length;
    this.count--;
    this.totalChars -= (r as KeptMessage).length;
    return r;
  }

  /** A request dropped from the ring is no longer waited for: the pending map stays within the bounds too. */
  private forgetDropped(gone: readonly MessageRecord[]): void {
    for (const r of gone) {
      const key = `${r.direction}:${r.id}`;
      if (r.kind === 'request' && this.pending.get(key) === r) this.pending.delete(key);
    }
  }
}

/** `-32602 Invalid params: …`, masked, cut to 200 characters. */
function describeError(e: Wire['error'], redact: (text: string) => string = (t) => t): string {
  const code = typeof e?.code === 'number' ? `${e.code} ` : '';
  const message = typeof e?.message === 'string' ? redact(e.message) : 'error';
  return `${code}${message}`.slice(0, 200);
}

/** A kept message: its raw JSON until first read, then only its masked JSON. */
class KeptMessage implements MessageRecord {
  readonly seq: number;
  time!: number;
  at!: number;
  direction!: Direction;
  kind!: MessageKind;
  method?: string;
  id?: RequestId;
  sizeBytes!: number;
  truncated!: boolean;
  session!: number;
  durationMs?: number;
  pair?: number;
  error?: string;
  cancelled?: boolean;
  private text: string;
  private masked = false;
  private readonly redact?: (text: string) => string;

  constructor(s: { seq: number; redact?: (text: string) => string }, f: Omit<MessageRecord, 'seq' | 'json'>, raw: string) {
    this.seq = s.seq;
    this.redact = s.redact;
    this.time = f.time;
    this.at = f.at;
    this.direction = f.direction;
    this.kind = f.kind;
    this.method = f.method;
    this.id = f.id;
    this.sizeBytes = f.sizeBytes;
    this.truncated = f.truncated;
    this.session = f.session;
    // a slice would keep the whole message alive: a flat copy of the part kept
    this.text = f.truncated ? Buffer.from(raw, 'utf8').toString('utf8') : raw;
  }

  /** Its length before masking (the log's character budget counts it). */
  get length(): number {
    return this.text.length;
  }

  get json(): string {
    if (!this.masked) {
      this.text = this.truncated ? maskJsonText(this.text, this.redact) : maskJson(this.text, this.redact);
      this.masked = true;
    }
    return this.text;
  }
}
