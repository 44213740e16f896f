import { CLIENT_LABELS } from '../../config/model';
import { CLIENTS, type VariableSyntax } from '../../clients';
import { replaceInString } from '../edits';
import { dollarStrings, isObject } from '../servers';
import type { Finding, Rule, RuleDoc } from '../types';
import { finding, fix, showPath, substringRange } from '../util';

const doc: RuleDoc = {
  code: 'variable-syntax',
  severity: 'warning',
  description: "A variable written in another client's syntax, which this client passes through literally: ${env:X} in Claude Code, Gemini, Kiro or Copilot CLI (they use ${X}), ${X} or $X in VS Code, Cursor, Windsurf or Roo Code (they use ${env:X}), any $ reference in OpenCode (it uses {env:X}), ${input:…} outside VS Code, any variable in Claude Desktop, Cline, Codex or Zed (no expansion).",
  fix: "Rewrite the reference in this client's syntax.",
  source: 'Each client\'s documentation of variables: VS Code\'s variables reference (${env:NAME}, ${input:id}, ${workspaceFolder}); Claude Code (${VAR}, ${VAR:-default}); Cursor and Windsurf (${env:NAME}); Gemini CLI ($VAR, ${VAR}); Kiro and GitHub Copilot CLI (${VAR}); Roo Code (${env:NAME}, ${workspaceFolder}: its src/utils/config.ts); OpenCode ({env:NAME}, {file:path}: opencode.ai/docs/config); none in Codex, Claude Desktop, Cline or Zed.',
};

/** VS Code's predefined variables (and the ones Cursor/Windsurf share). */
const PREDEFINED = new Set(['workspaceFolder', 'workspaceFolderBasename', 'userHome', 'pathSeparator', '/', 'cwd', 'file', 'fileBasename', 'fileDirname', 'relativeFile', 'execPath', 'defaultBuildTask']);
const PREFIXED = /^(workspaceFolder|config|command|input|env):/;

const SHELLS = /(^|[\\/])(sh|bash|zsh|dash|ksh|fish|cmd(\.exe)?|powershell(\.exe)?|pwsh(\.exe)?)$/i;

const FINE_PREDEFINED = 'config:|command:|workspaceFolder|userHome|pathSeparator|cwd|file|relativeFile|execPath|defaultBuildTask|/';

/** A `$` that may start a reference this client does not expand (a fast pre-test; `undefined`: always scan). */
const SUSPICIOUS: Partial<Record<VariableSyntax, RegExp>> = {
  vscode: new RegExp(`\\$(?!\\{(?:env:|input:|${FINE_PREDEFINED}))`),
  'env-colon': new RegExp(`\\$(?!\\{(?:env:|${FINE_PREDEFINED}))`),
};

type Kind = 'env-colon' | 'braces' | 'bare' | 'input' | 'predefined' | 'continue';

const PATTERN = /\$\{\{[^}]*\}\}|\$\{([^}]*)\}|(?<![$\\\w])\$([A-Z_][A-Z0-9_]*)\b/g;

/** What the client does with a reference: `undefined` when it expands it, else the right spelling (or `null` when there is none). */
function verdict(syntax: VariableSyntax, kind: Kind, name: string): string | null | undefined {
  const envColon = `\${env:${name}}`;
  const braces = `\${${name}}`;
  switch (syntax) {
    case 'vscode':
      return kind === 'braces' || kind === 'bare' ? envColon : kind === 'continue' ? null : undefined;
    case 'env-colon':
      return kind === 'braces' || kind === 'bare' ? envColon : kind === 'input' || kind === 'continue' ? null : undefined;
    case 'shell-braces':
      return kind === 'env-colon' || kind === 'bare' ? braces : kind === 'braces' ? undefined : null;
    case 'shell':
      return kind === 'env-colon' ? braces : kind === 'braces' || kind === 'bare' ? undefined : null;
    case 'continue':
      return kind === 'continue' ? undefined : kind === 'input' || kind === 'predefined' ? null : `\${{ secrets.${name} }}`;
    case 'braces':
      return kind === 'env-colon' || kind === 'bare' ? braces : kind === 'braces' ? undefined : null;
    case 'opencode':
      return kind === 'env-colon' || kind === 'bare' || kind === 'braces' ? `{env:${name}}` : null;
    case 'none':
      return null;
  }
}

const SYNTAX_WORDS: Record<VariableSyntax, string> = {
  vscode: '${env:NAME}, ${input:id} and predefined variables such as ${workspaceFolder}',
  'env-colon': '${env:NAME}, ${userHome} and ${workspaceFolder}',
  'shell-braces': '${NAME} and ${NAME:-default}',
  shell: '$NAME and ${NAME}',
  continue: '${{ secrets.NAME }}',
  braces: '${NAME}',
  opencode: '{env:NAME} and {file:path}',
  none: 'no variables at all',
};

export const variableSyntaxRule: Rule = {
  doc,
  check(ctx) {
    const syntax = CLIENTS[ctx.format.client].variables;
    const client = CLIENT_LABELS[ctx.format.client];
    const out: Finding[] = [];
    const suspicious = SUSPICIOUS[syntax];
    for (const str of dollarStrings(ctx)) {
      if (suspicious && !suspicious.test(str.value)) continue; // every $ starts a reference this client expands
      const sv = str.server.value;
      // a shell started as the server ("bash -c '… $HOME …'") expands $VAR itself
      const viaShell = isObject(sv) && typeof sv.command === 'string' && SHELLS.test(sv.command);
      for (const m of str.value.matchAll(PATTERN)) {
        const text = m[0];
        let kind: Kind;
        let name: string;
        if (text.startsWith('${{')) {
          kind = 'continue';
          name = text.replace(/^\$\{\{\s*(secrets\.)?|\s*\}\}$/g, '');
        } else if (m[2] !== undefined) {
          if (viaShell) continue;
          kind = 'bare';
          name = m[2];
        } else {
          const inner = m[1];
          if (inner.startsWith('env:')) [kind, name] = ['env-colon', inner.slice(4)];
          else if (inner.startsWith('input:')) [kind, name] = ['input', inner.slice(6)];
          else if (PREDEFINED.has(inner) || PREFIXED.test(inner)) [kind, name] = ['predefined', inner];
          else [kind, name] = ['braces', inner.replace(/:-.*$/, '')];
          if (kind === 'predefined' && (syntax === 'vscode' || syntax === 'env-colon')) continue;
        }
        const right = verdict(syntax, kind, name);
        if (right === undefined) continue;
        const index = m.index ?? 0;
        const where = showPath(str.path);
        const message = right
          ? `${client} does not expand "${text}" (${where}): the server gets the literal text. Write "${right}".`
          : `${client} does not expand "${text}" (${where}): the server gets the literal text. ${client} supports ${SYNTAX_WORDS[syntax]}.`;
        out.push(finding(ctx, doc, substringRange(ctx, str.path, str.value, index, text.length), message, {
          fixes: right ? [fix(`Write "${right}"`, replaceInString(ctx, str.path, str.value, index, text.length, right))] : [],
        }));
      }
    }
    return out;
  },
};
