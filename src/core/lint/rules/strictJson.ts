import { createScanner, SyntaxKind } from 'jsonc-parser';
import { CLIENT_LABELS } from '../../config/model';
import type { Finding, Rule, RuleDoc } from '../types';
import { finding, fix } from '../util';

const doc: RuleDoc = {
  code: 'strict-json',
  severity: 'error',
  description: 'Comments and trailing commas in a client that parses strict JSON (error: Claude Desktop, Cline, Roo Code; warning: clients whose tolerance is undocumented). JSONC files (VS Code, Zed, OpenCode) are exempt.',
  fix: 'Remove the comment or the trailing comma.',
  source: 'Claude Desktop, Cline and Roo Code (its McpHub.ts) read their files with JSON.parse, which rejects comments and trailing commas.',
};

export const strictJsonRule: Rule = {
  doc,
  check(ctx) {
    const syntax = ctx.format.syntax;
    if (syntax !== 'json' && syntax !== 'json-strict') return [];
    const severity = syntax === 'json-strict' ? 'error' : 'warning';
    const client = CLIENT_LABELS[ctx.format.client];
    const consequence = syntax === 'json-strict' ? `${client} rejects the whole file (its servers silently disappear)` : `${client} may reject the file`;
    const out: Finding[] = [];
    const scanner = createScanner(ctx.text, false);
    let pendingComma: { offset: number } | undefined;
    for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
      const offset = scanner.getTokenOffset();
      // clamped: jsonc-parser reports an unterminated "/*" at the very end one character too long
      const length = Math.min(scanner.getTokenLength(), ctx.text.length - offset);
      if (kind === SyntaxKind.LineCommentTrivia || kind === SyntaxKind.BlockCommentTrivia) {
        out.push(finding(ctx, doc, ctx.lines.range(offset, length), `Comment at line ${ctx.lines.positionAt(offset).line + 1}: JSON has no comments and ${consequence}. Remove it.`, {
          severity,
          fixes: [fix('Remove the comment', [{ offset, length, newText: '' }])],
        }));
        continue;
      }
      if (kind === SyntaxKind.Trivia || kind === SyntaxKind.LineBreakTrivia) continue;
      if ((kind === SyntaxKind.CloseBraceToken || kind === SyntaxKind.CloseBracketToken) && pendingComma) {
        const o = pendingComma.offset;
        out.push(finding(ctx, doc, ctx.lines.range(o, 1), `Trailing comma at line ${ctx.lines.positionAt(o).line + 1}: strict JSON forbids it and ${consequence}. Remove it.`, {
          severity,
          fixes: [fix('Remove the trailing comma', [{ offset: o, length: 1, newText: '' }])],
        }));
      }
      pendingComma = kind === SyntaxKind.CommaToken ? { offset } : undefined;
    }
    return out;
  },
};
