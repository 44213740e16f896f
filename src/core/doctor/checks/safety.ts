/**
 * Tool-description safety, offline (nothing is sent anywhere): what a model reads but a user
 * rarely does. Tool descriptions, and the descriptions inside `inputSchema`, are scanned for
 * - hidden instructions to the model: `<IMPORTANT>`-style tags, "ignore previous instructions",
 *   asking to keep something from the user ("tool poisoning", Invariant Labs, April 2025; OWASP
 *   LLM01 prompt injection);
 * - requests for files, keys or secrets (`~/.ssh`, `id_rsa`, `.env`, credentials files);
 * - invisible or bidirectional Unicode (zero-width characters, U+202A–U+202E, U+2066–U+2069,
 *   tag characters U+E0000–U+E007F: text a reviewer cannot see; "Trojan Source", CVE-2021-42574);
 * - descriptions longer than {@link MAX_REVIEWABLE_DESCRIPTION}, too long to review.
 */
import { isRecord, nameOf, type Check, type Finding } from '../finding';

/**
 * Characters of a description past which nobody reviews it: about a page of text (≈ 300 words).
 * The reference servers' longest tool descriptions: server-everything 270, server-filesystem 457 characters.
 */
export const MAX_REVIEWABLE_DESCRIPTION = 2000;

/** Pattern → what it is, for hidden instructions and requests for secrets. */
const SUSPICIOUS: readonly { id: string; re: RegExp; what: string }[] = [
  { id: 'description-hidden-instructions', re: /<\s*\/?\s*(important|system|instructions?|secret|hidden|admin|critical|note to (?:the )?(?:ai|assistant|model))\b[^>]*>/i, what: 'an <IMPORTANT>-style tag addressed to the model' },
  { id: 'description-hidden-instructions', re: /\b(ignore|disregard|forget)\s+(all\s+|any\s+|the\s+)?(previous|prior|above|earlier|other)\s+(instructions|prompts|messages|rules|directions)/i, what: '"ignore previous instructions"' },
  { id: 'description-hidden-instructions', re: /\b(do\s+not|don't|never)\s+(tell|mention|inform|reveal|show|notify|alert)\s+(this\s+to\s+)?(the\s+)?user\b|\bwithout\s+(telling|informing|notifying|alerting)\s+the\s+user\b|\b(keep|hide)\s+(this|it)\s+(secret\s+|hidden\s+)?from\s+the\s+user\b/i, what: 'a request to keep something from the user' },
  { id: 'description-secret-request', re: /~\/\.ssh|\bid_(rsa|dsa|ecdsa|ed25519)\b|(^|[\s'"`(/])\.env\b|\.aws\/credentials|\.netrc\b|\.npmrc\b|\.pgpass\b|\/etc\/(passwd|shadow)\b|\bprivate[\s_-]key\b|\bmcp\.json\b/i, what: 'a mention of a file of keys or secrets' },
];

/** Invisible or bidirectional characters: zero-width (U+200B–U+200F, U+2060–U+2064, U+FEFF), bidi embeddings and isolates (U+202A–U+202E, U+2066–U+2069), tag characters (U+E0000–U+E007F). */
const INVISIBLE = /[\u200B-\u200F\u2060-\u2064\uFEFF\u202A-\u202E\u2066-\u2069\u{E0000}-\u{E007F}]/gu;

/** The invisible characters of `text` as code points (`U+200B`), unique, in order. */
export function invisibleCharacters(text: string): string[] {
  return [...new Set(text.match(INVISIBLE) ?? [])].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
}

/** `text` with each invisible or bidirectional character written as `<U+202E>`, so a terminal shows what a reviewer could not see. */
export function showInvisible(text: string): string {
  return text.replace(INVISIBLE, (c) => `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`);
}

/** Every `description` string inside a schema (properties, items, $defs…), with where it is. */
function schemaDescriptions(schema: unknown, at: string, out: [string, string][], depth = 0): void {
  if (depth > 32) return;
  if (Array.isArray(schema)) schema.forEach((s, i) => schemaDescriptions(s, `${at}/${i}`, out, depth + 1));
  else if (isRecord(schema)) {
    for (const [k, v] of Object.entries(schema)) {
      if ((k === 'description' || k === 'title') && typeof v === 'string') out.push([`${at}/${k}`, v]);
      else if (typeof v === 'object') schemaDescriptions(v, `${at}/${k}`, out, depth + 1);
    }
  }
}

/** The findings on one text a model reads (`where`: `description`, `inputSchema/properties/x/description`). */
export function textFindings(text: string, where: string, item: Finding['item']): Finding[] {
  const out: Finding[] = [];
  const ids = new Set<string>();
  for (const s of SUSPICIOUS) {
    if (ids.has(s.id) || !s.re.test(text)) continue;
    ids.add(s.id);
    out.push({ id: s.id, severity: 'error', item, reason: `${where} contains ${s.what}: text for the model, not the user; remove it or say it to the user` });
  }
  const hidden = invisibleCharacters(text);
  if (hidden.length) out.push({ id: 'description-invisible-unicode', severity: 'error', item, reason: `${where} contains invisible or bidirectional characters (${hidden.slice(0, 5).join(', ')}${hidden.length > 5 ? ', …' : ''}) a reviewer cannot see` });
  return out;
}

export const safety: Check = {
  ids: ['description-hidden-instructions', 'description-secret-request', 'description-invisible-unicode', 'description-too-long'],
  run({ tools }) {
    const out: Finding[] = [];
    for (const t of tools) {
      if (!isRecord(t)) continue;
      const item = { kind: 'tool' as const, name: nameOf(t) };
      const texts: [string, string][] = [];
      if (typeof t.description === 'string') texts.push(['description', t.description]);
      if (typeof t.title === 'string') texts.push(['title', t.title]);
      schemaDescriptions(t.inputSchema, 'inputSchema', texts);
      const seen = new Set<string>();
      for (const [where, text] of texts) {
        for (const f of textFindings(text, where, item)) {
          if (seen.has(f.id)) continue; // one finding of a kind per tool
          seen.add(f.id);
          out.push(f);
        }
      }
      if (typeof t.description === 'string' && t.description.length > MAX_REVIEWABLE_DESCRIPTION) {
        out.push({ id: 'description-too-long', severity: 'warning', item, reason: `the description is ${t.description.length} characters long (over ${MAX_REVIEWABLE_DESCRIPTION}): too long for a user to review what the model is told` });
      }
    }
    return out;
  },
};
