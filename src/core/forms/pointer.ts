/**
 * JSON Pointers (RFC 6901): how a form names a field (`/edits/0/oldText`) and where a sub-schema
 * sits in its root schema (`/properties/edits/items`).
 *
 * Pure core: no `vscode` import.
 */

/** `a/b~c` → `a~1b~0c` (RFC 6901 §3). */
export function escapeToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** `a~1b~0c` → `a/b~c`. */
export function unescapeToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Appends tokens to a pointer: `join('/a', 'b/c', 0)` → `/a/b~1c/0`. `''` is the whole document. */
export function join(pointer: string, ...tokens: (string | number)[]): string {
  return pointer + tokens.map((t) => '/' + escapeToken(String(t))).join('');
}

/** `/a/b~1c` → `['a', 'b/c']`; `''` → `[]`. @throws Error when the pointer does not start with `/`. */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error(`"${pointer}" is not a JSON pointer: it must be empty or start with "/"`);
  return pointer.slice(1).split('/').map(unescapeToken);
}

/** The value at a pointer, or `undefined` when a step of the way is missing. */
export function getAt(doc: unknown, pointer: string): unknown {
  let cur = doc;
  for (const t of parsePointer(pointer)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[t];
  }
  return cur;
}

/**
 * `#/$defs/a%20b` (a URI fragment, RFC 6901 §6) → `/$defs/a b`; `#` → `''`.
 * Returns `undefined` for anything that is not a local pointer (`other.json#/x`, `#anchor`).
 */
export function localRefPointer(ref: string): string | undefined {
  if (!ref.startsWith('#')) return undefined;
  const fragment = ref.slice(1);
  if (fragment !== '' && !fragment.startsWith('/')) return undefined;
  try {
    return decodeURIComponent(fragment);
  } catch {
    return undefined;
  }
}

/** A pointer as a URI fragment (the inverse of {@link localRefPointer}), without the `#`. */
export function pointerToFragment(pointer: string): string {
  return parsePointer(pointer).map((t) => '/' + encodeURIComponent(escapeToken(t))).join('');
}

/** A short human path for messages: `/edits/0/oldText` → `edits[0].oldText`; `''` → `(arguments)`. */
export function humanPath(pointer: string): string {
  const tokens = parsePointer(pointer);
  if (!tokens.length) return '(arguments)';
  return tokens.map((t, i) => (/^\d+$/.test(t) ? `[${t}]` : /^[A-Za-z_$][\w$-]*$/.test(t) ? (i ? '.' : '') + t : `[${JSON.stringify(t)}]`)).join('');
}
