/**
 * The same server across clients: definitions from every client's files grouped into one
 * {@link ServerIdentity} each, the copies that differ flagged as drift (with a normalised entry per
 * copy to diff), and within one client the entry that wins over another of the same name.
 *
 * - Identity: two definitions are the same server when they have the same name, or the same
 *   command and arguments, or the same URL (after {@link normalizeVariables}); the relation is
 *   closed transitively (a name match and a command match join three copies).
 * - Drift: the copies' {@link NormalizedEntry} differ (transport, command, args, cwd, URL, env and
 *   header names and values, with variables written the same way whatever the client's dialect).
 * - Shadowing: per client, by name, with the client's {@link Precedence} (`clients/<client>.ts`
 *   records each rule and its source); a client with no rule shadows nothing.
 *
 * Secrets: a normalised entry never holds a literal secret. Env and header values that carry a
 * credential (by name, `core/secrets` `holdsCredential` / `isCredentialName`, or by shape,
 * `detectSecret`), credential options in args (`redactArgs`) and URL credentials (`redactUrl`) are
 * shown as `<redacted>`, numbered per distinct value within a group (`<redacted #2>`) so a diff
 * still says two secrets differ without showing either.
 *
 * Pure core: no `vscode` import.
 */
import { CLIENTS, type McpClient, type VariableSyntax } from '../clients';
import { detectSecret, holdsCredential, isCredentialName, REDACTED, redactArgs, redactUrl } from '../secrets';
import { CLIENT_LABELS, type ConfigFile, type ServerDefinition, type Transport } from './model';

/**
 * A definition's fields as the client would use them, variables in one dialect (`${env:X}`),
 * values as written (secrets included: compare these, show {@link ShownEntry}).
 */
export interface NormalizedEntry {
  transport: Transport['kind'] | 'none';
  command?: string;
  args?: string[];
  cwd?: string;
  url?: string;
  /** Env (stdio) or headers (remote), by name, sorted. */
  env?: Record<string, string>;
  headers?: Record<string, string>;
}

/** One definition of a server, with where it is and how it stands against its client's other files. */
export interface ServerCopy {
  def: ServerDefinition;
  file: ConfigFile;
  /** The layer of its client's {@link Precedence}: the file's format id, or `claude-code-local`. */
  layer: string;
  entry: NormalizedEntry;
  /** When another entry of the same client and name wins over this one: that entry's id and why. */
  shadowedBy?: { id: string; reason: string };
  /** Set on the entry that wins over at least one other of its client (the ids it shadows). */
  shadows?: string[];
}

/** A server defined in one or more files. */
export interface ServerIdentity {
  /** The first copy's id: stable while that copy stays. */
  key: string;
  /** The name most copies use (the first copy's on a tie). */
  name: string;
  /** In the order of the files given. */
  copies: ServerCopy[];
  /** The fields (of {@link NormalizedEntry}, env/header as `env.NAME`) that not every copy has alike; `[]` when there is no drift. */
  drift: string[];
}

/** Every identity, and each definition's identity by its id. */
export interface SameServers {
  identities: ServerIdentity[];
  byId: ReadonlyMap<string, { identity: ServerIdentity; copy: ServerCopy }>;
}

/**
 * Variable references rewritten to `${env:X}` where the client's dialect means an environment
 * variable: `${env:X}` (VS Code, Cursor, Windsurf); `${X}` and `${X:-d}` (Claude Code: `${env:X:-d}`);
 * `$X` and `${X}` (Gemini CLI); `${X}` (Kiro, Copilot CLI); `{env:X}` (OpenCode); Continue's `${{ secrets.X }}` becomes `${secret:X}` (a secret of
 * Continue's, not the environment). Other references (`${input:x}`, `${workspaceFolder}`) and text
 * in clients with no expansion stay as written. Source: ../clients/*.ts `variables`.
 */
export function normalizeVariables(text: string, dialect: VariableSyntax): string {
  switch (dialect) {
    case 'shell-braces':
      return text.replace(/\$\{([A-Za-z_]\w*)((?::-[^}]*)?)\}/g, '${env:$1$2}');
    case 'shell':
      return text.replace(/\$\{([A-Za-z_]\w*)\}|\$([A-Za-z_]\w*)/g, (_m, a?: string, b?: string) => `\${env:${a ?? b}}`);
    case 'braces':
      return text.replace(/\$\{([A-Za-z_]\w*)\}/g, '${env:$1}');
    case 'opencode':
      return text.replace(/(?<!\$)\{env:([A-Za-z_]\w*)\}/g, '${env:$1}');
    case 'continue':
      return text.replace(/\$\{\{\s*secrets\.([\w.-]+)\s*\}\}/g, '${secret:$1}');
    default:
      return text;
  }
}

/** The normalised entry of one definition (see {@link NormalizedEntry}). */
export function normalizeEntry(def: ServerDefinition): NormalizedEntry {
  const dialect = CLIENTS[def.client].variables;
  const v = (s: string) => normalizeVariables(s, dialect);
  const t = def.transport;
  if (!t) return { transport: 'none' };
  if (t.kind === 'stdio') {
    const env: Record<string, string> = {};
    for (const [k, val] of Object.entries(t.env)) env[k] = val.value === null ? '(unset)' : v(val.value);
    for (const name of t.envVars ?? []) env[name.value] ??= `\${env:${name.value}}`; // Codex env_vars: passed through
    return { transport: 'stdio', command: v(t.command.value), args: t.args.map((a) => v(a.value)), ...(t.cwd ? { cwd: v(t.cwd.value) } : {}), env: sorted(env) };
  }
  const headers: Record<string, string> = {};
  for (const [k, val] of Object.entries(t.headers)) headers[k] = v(val.value);
  for (const [k, name] of Object.entries(t.envHeaders ?? {})) headers[k] ??= `\${env:${name.value}}`; // Codex env_http_headers
  if (t.bearerTokenEnvVar) headers.Authorization ??= `Bearer \${env:${t.bearerTokenEnvVar.value}}`; // Codex bearer_token_env_var
  return { transport: t.kind, url: v(t.url.value).replace(/\/+$/, ''), headers: sorted(headers) };
}

const sorted = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** The layer of a definition in its client's precedence: Claude Code's `projects[...]` entries are its local scope. */
function layerOf(def: ServerDefinition, file: ConfigFile): string {
  if (def.client === 'claude-code' && def.project) return 'claude-code-local';
  return file.format ?? file.scope;
}

/**
 * Groups the servers of `files` into identities (see the module doc), with drift and shadowing.
 * Files without a path on disk (made-up ones) and ad-hoc servers are left out. Never throws.
 */
export function sameServers(files: readonly ConfigFile[]): SameServers {
  const copies: ServerCopy[] = files.flatMap((file) => file.servers.filter((d) => !d.adHoc).map((def) => ({ def, file, layer: layerOf(def, file), entry: normalizeEntry(def) })));
  // union-find over the copies, joined by name, launch and URL keys
  const parent = copies.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const firstByKey = new Map<string, number>();
  copies.forEach((c, i) => {
    for (const key of identityKeys(c)) {
      const j = firstByKey.get(key);
      if (j === undefined) firstByKey.set(key, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, ServerCopy[]>();
  copies.forEach((c, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), c]));
  const identities = [...groups.values()].map((group): ServerIdentity => {
    markShadowing(group);
    return { key: group[0].def.id, name: commonName(group), copies: group, drift: driftFields(group.map((c) => c.entry)) };
  });
  const byId = new Map<string, { identity: ServerIdentity; copy: ServerCopy }>();
  for (const identity of identities) for (const copy of identity.copies) byId.set(copy.def.id, { identity, copy });
  return { identities, byId };
}

function identityKeys(c: ServerCopy): string[] {
  const keys = [`name\0${c.def.name}`];
  if (c.entry.command) keys.push(`launch\0${JSON.stringify([c.entry.command, ...(c.entry.args ?? [])])}`);
  if (c.entry.url) keys.push(`url\0${c.entry.url}`);
  return keys;
}

function commonName(group: readonly ServerCopy[]): string {
  const counts = new Map<string, number>();
  for (const c of group) counts.set(c.def.name, (counts.get(c.def.name) ?? 0) + 1);
  return [...counts].reduce((best, cur) => (cur[1] > best[1] ? cur : best))[0];
}

/** The fields in which not every entry agrees: `transport`, `command`, `args`, `cwd`, `url`, `env.NAME`, `headers.NAME`. */
export function driftFields(entries: readonly NormalizedEntry[]): string[] {
  const fields = new Set<string>();
  const flat = entries.map(flatten);
  const keys = new Set(flat.flatMap((f) => [...f.keys()]));
  for (const k of keys) if (new Set(flat.map((f) => f.get(k))).size > 1) fields.add(k);
  return [...fields];
}

function flatten(e: NormalizedEntry): Map<string, string | undefined> {
  const m = new Map<string, string | undefined>([
    ['transport', e.transport],
    ['command', e.command],
    ['args', e.args && JSON.stringify(e.args)],
    ['cwd', e.cwd],
    ['url', e.url],
  ]);
  for (const [k, v] of Object.entries(e.env ?? {})) m.set(`env.${k}`, v);
  for (const [k, v] of Object.entries(e.headers ?? {})) m.set(`headers.${k}`, v);
  return m;
}

/** Within each client of the group, by name: the copy of the highest layer wins over the others (none on a tie). */
function markShadowing(group: ServerCopy[]): void {
  const byClientName = new Map<string, ServerCopy[]>();
  for (const c of group) byClientName.set(`${c.def.client}\0${c.def.name}`, [...(byClientName.get(`${c.def.client}\0${c.def.name}`) ?? []), c]);
  for (const same of byClientName.values()) {
    if (same.length < 2) continue;
    const client: McpClient = CLIENTS[same[0].def.client];
    const rule = client.precedence;
    if (!rule) continue;
    const rank = (c: ServerCopy) => {
      const i = rule.layers.indexOf(c.layer);
      return i < 0 ? rule.layers.length : i;
    };
    const best = Math.min(...same.map(rank));
    const winners = same.filter((c) => rank(c) === best);
    if (winners.length !== 1) continue;
    const [winner] = winners;
    for (const c of same) {
      if (c === winner) continue;
      c.shadowedBy = { id: winner.def.id, reason: `${client.label} uses the entry in ${layerLabel(winner)} over the one in ${layerLabel(c)}: ${rule.rule} (${rule.source})` };
      winner.shadows = [...(winner.shadows ?? []), c.def.id];
    }
  }
}

/** `.mcp.json (claude-code-project)`: the file's base name and its layer. */
function layerLabel(c: ServerCopy): string {
  const base = c.file.path.split(/[\\/]/).pop() ?? c.file.path;
  return c.layer === 'claude-code-local' ? `${base} (local scope, ${c.def.project})` : `${base} (${c.layer})`;
}

/**
 * An entry as it may be shown (tooltips, the Compare Copies diff, the CLI): `entry` with every
 * secret replaced as the module doc says; `numbering` gives each distinct secret value its number
 * (share one map across the copies of a group so equal secrets get equal numbers).
 */
export function shownEntry(entry: NormalizedEntry, numbering: Map<string, number> = new Map()): NormalizedEntry {
  const hide = (value: string) => {
    if (!numbering.has(value)) numbering.set(value, numbering.size + 1);
    return numbering.size > 1 || numbering.get(value)! > 1 ? `<redacted #${numbering.get(value)}>` : REDACTED;
  };
  const isRef = (v: string) => /^(?:Bearer\s+)?\$\{[^}]*\}$/.test(v);
  const value = (name: string, v: string, credentialName: boolean) => (!isRef(v) && (credentialName || detectSecret(name, v)) ? hide(v) : v);
  const out: NormalizedEntry = { transport: entry.transport };
  if (entry.command !== undefined) out.command = redactArgs([entry.command])[0];
  if (entry.args) out.args = redactArgs(entry.args);
  if (entry.cwd !== undefined) out.cwd = entry.cwd;
  if (entry.url !== undefined) out.url = redactUrl(entry.url);
  if (entry.env) out.env = Object.fromEntries(Object.entries(entry.env).map(([k, v]) => [k, value(k, v, holdsCredential(k))]));
  if (entry.headers) out.headers = Object.fromEntries(Object.entries(entry.headers).map(([k, v]) => [k, value(k, v, isCredentialName(k))]));
  return out;
}

/**
 * The shown entries of a group's copies as JSON texts (2-space indent, one key per line), for a
 * side-by-side diff: secrets numbered across the whole group, so equal secrets read alike.
 */
export function shownTexts(identity: ServerIdentity): string[] {
  const numbering = new Map<string, number>();
  // number every secret first, so a lone `<redacted>` never turns into `#1` in a later copy
  identity.copies.forEach((c) => shownEntry(c.entry, numbering));
  return identity.copies.map((c) => `${JSON.stringify(shownEntry(c.entry, numbering), null, 2)}\n`);
}

/** `Cursor · .cursor/mcp.json`-style words for a copy: its client and file base name. */
export function copyLabel(c: ServerCopy): string {
  const base = c.file.path.split(/[\\/]/).pop() ?? c.file.path;
  return `${CLIENT_LABELS[c.def.client]} · ${base}${c.layer === 'claude-code-local' ? ' (local)' : ''}`;
}
