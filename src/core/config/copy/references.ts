/**
 * Variable references in a server's strings, read in the source client's syntax and written in
 * the target's (`${env:X}` ↔ `${X}` ↔ `$X` ↔ `{env:X}` ↔ `${{ secrets.X }}`), with a note for each thing the
 * target writes differently or cannot write.
 *
 * Pure core: no `vscode` import.
 */
import { VARIABLE_WRITERS, type VariableSyntax } from '../../clients';
import type { CopyNotes } from './notes';

/** One reference, as the source client means it. */
export type Reference =
  | { kind: 'env'; name: string; fallback?: string }
  /** VS Code `${input:id}`. */
  | { kind: 'input'; id: string }
  | { kind: 'workspaceFolder' }
  | { kind: 'userHome' }
  /** A reference the target cannot be given an equivalent of (`${config:x}`, `${file}`): kept as written. */
  | { kind: 'other'; text: string };

/** A string cut into literal text and references. */
export type Piece = string | Reference;

const TOKEN = /\$\{\{\s*secrets\.([A-Za-z_][\w-]*)\s*\}\}|\$\{([^}]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)|\{(env|file):([^}]*)\}/g;
/** VS Code's other predefined variables (its variables reference): `${config:x}`, `${file}`, … */
const PREDEFINED = /^(?:(?:config|command|workspaceFolder|input):.|(?:file|cwd|pathSeparator|execPath|relativeFile|fileBasename|fileDirname|workspaceFolderBasename|defaultBuildTask|\/)$)/;

/** What `${inner}` means in `syntax`; `undefined`: nothing (the text is literal there). */
function braced(inner: string, syntax: VariableSyntax): Reference | undefined {
  const colon = syntax === 'vscode' || syntax === 'env-colon';
  if (colon) {
    if (inner.startsWith('env:')) return { kind: 'env', name: inner.slice(4) };
    if (inner.startsWith('input:') && syntax === 'vscode') return { kind: 'input', id: inner.slice(6) };
    if (inner === 'workspaceFolder') return { kind: 'workspaceFolder' };
    if (inner === 'userHome') return { kind: 'userHome' };
    return PREDEFINED.test(inner) ? { kind: 'other', text: `\${${inner}}` } : undefined;
  }
  if (syntax === 'shell-braces' || syntax === 'shell' || syntax === 'braces') {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(?::-(.*))?$/s.exec(inner);
    if (!m) return undefined;
    if (m[2] !== undefined && syntax !== 'shell-braces') return undefined;
    return m[1] === 'HOME' && m[2] === undefined ? { kind: 'userHome' } : { kind: 'env', name: m[1], ...(m[2] !== undefined && { fallback: m[2] }) };
  }
  return undefined;
}

/** `text` cut into literals and the references `syntax` expands in it. */
export function parseReferences(text: string, syntax: VariableSyntax): Piece[] {
  const out: Piece[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    let ref: Reference | undefined;
    if (m[1] !== undefined) ref = syntax === 'continue' ? { kind: 'env', name: m[1] } : undefined;
    else if (m[2] !== undefined) ref = braced(m[2], syntax);
    else if (m[3] !== undefined) ref = syntax === 'shell' ? (m[3] === 'HOME' ? { kind: 'userHome' } : { kind: 'env', name: m[3] }) : undefined;
    // OpenCode: {env:NAME}, and {file:path} (a file's contents: no equivalent elsewhere, kept as written)
    else if (syntax === 'opencode') ref = m[4] === 'env' && /^[A-Za-z_]\w*$/.test(m[5]) ? (m[5] === 'HOME' ? { kind: 'userHome' } : { kind: 'env', name: m[5] }) : { kind: 'other', text: m[0] };
    if (!ref) continue;
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push(ref);
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** The one reference that is the whole of `text`, if it is exactly one. */
export function soleReference(text: string, syntax: VariableSyntax): Reference | undefined {
  const pieces = parseReferences(text, syntax);
  return pieces.length === 1 && typeof pieces[0] !== 'string' ? pieces[0] : undefined;
}

/** Where references are written, and what they resolve to when the target has no variable for them. */
export interface ReferenceContext {
  from: VariableSyntax;
  to: VariableSyntax;
  /** The target client's name, for notes. */
  target: string;
  /** Absolute path `${workspaceFolder}` means for the copied server. */
  workspaceFolder: string;
  /** The user's home folder. */
  home: string;
  /** The environment variable a VS Code input becomes: its name from the `env` key it is the whole value of, else from the input id. */
  inputEnvName(id: string): string;
  /** Input descriptions by id, for the note that an input became a variable. */
  inputs: ReadonlyMap<string, string | undefined>;
  notes: CopyNotes;
}

/** `KEBAB-id.x` → `KEBAB_ID_X`: an input id as an environment variable name. */
export function envNameOfId(id: string): string {
  const n = id.replace(/[^A-Za-z0-9_]/g, '_').toUpperCase();
  return /^[0-9]/.test(n) ? `_${n}` : n;
}

/**
 * `text` (read in `ctx.from`) written in `ctx.to`. `where` names the field for notes (`args[2]`).
 * A reference the target cannot write is kept as the source wrote it, with a warning.
 */
export function rewriteReferences(text: string, where: string, ctx: ReferenceContext): string {
  const pieces = parseReferences(text, ctx.from);
  if (ctx.from === ctx.to && !pieces.some((p) => typeof p !== 'string' && p.kind === 'input')) return text;
  const writer = VARIABLE_WRITERS[ctx.to];
  let out = '';
  pieces.forEach((p, i) => {
    if (typeof p === 'string') {
      out += p;
      return;
    }
    const next = pieces[i + 1];
    const before = typeof next === 'string' ? next[0] : undefined;
    const env = (name: string, fallback?: string): string | undefined => {
      if (!writer.env) return undefined;
      if (fallback !== undefined && !writer.fallbacks) ctx.notes.warn(`${where}: ${ctx.target} has no default for an unset variable: the default "${fallback}" of ${name} was left out`);
      if (writer.caveat) ctx.notes.once(writer.caveat);
      return writer.env(name, writer.fallbacks ? fallback : undefined, before);
    };
    const kept = (why: string) => {
      ctx.notes.warn(`${where}: ${why}; it was copied as written: edit it in the target file`);
      return sourceText(p, ctx.from);
    };
    switch (p.kind) {
      case 'env':
        out += env(p.name, p.fallback) ?? kept(`${ctx.target} expands no variables, so the reference to ${p.name} cannot be written`);
        return;
      case 'input': {
        const name = ctx.inputEnvName(p.id);
        const written = env(name);
        if (written === undefined) {
          out += kept(`the VS Code input "${p.id}" has no equivalent in ${ctx.target}, which expands no variables`);
          return;
        }
        const desc = ctx.inputs.get(p.id);
        ctx.notes.info(`${where}: the VS Code input "${p.id}"${desc ? ` (${desc})` : ''} became the environment variable ${name}: ${ctx.target} does not prompt for it, so set ${name} in the environment it starts from`);
        out += written;
        return;
      }
      case 'workspaceFolder':
        if (writer.workspaceFolder) out += writer.workspaceFolder;
        else {
          ctx.notes.info(`${where}: ${ctx.target} has no \${workspaceFolder}: it was resolved to ${ctx.workspaceFolder}`);
          out += ctx.workspaceFolder;
        }
        return;
      case 'userHome':
        if (writer.userHome) out += writer.userHome;
        else {
          ctx.notes.info(`${where}: ${ctx.target} has no variable for the home folder: it was resolved to ${ctx.home}`);
          out += ctx.home;
        }
        return;
      case 'other':
        out += kept(`${p.text} has no equivalent in ${ctx.target}`);
        return;
    }
  });
  return out;
}

/** A reference as `syntax` writes it (to keep what the target cannot express as it was). */
function sourceText(p: Reference, syntax: VariableSyntax): string {
  if (p.kind === 'other') return p.text;
  if (p.kind === 'input') return `\${input:${p.id}}`;
  const w = VARIABLE_WRITERS[syntax];
  if (p.kind === 'workspaceFolder') return w.workspaceFolder ?? '${workspaceFolder}';
  if (p.kind === 'userHome') return w.userHome ?? '${userHome}';
  return w.env?.(p.name, p.fallback) ?? `\${${p.name}}`;
}
