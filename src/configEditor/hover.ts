import * as vscode from 'vscode';
import { describeKey, getLocation } from '../core/lazy';
import { configFormatOf } from './configDocuments';

/**
 * Hovers on the keys of MCP config files: the key's documentation from the format's JSON Schema
 * (media/schemas/, see describeKey). JSON formats only; not `.vscode/mcp.json` and user `mcp.json`,
 * where VS Code's own schema already shows hovers.
 */
export class ConfigHover implements vscode.HoverProvider {
  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const format = configFormatOf(doc);
    if (!format || format.syntax === 'toml' || format.syntax === 'yaml') return undefined;
    if (format.id === 'vscode-workspace' || format.id === 'vscode-user') return undefined;
    const loc = getLocation(doc.getText(), doc.offsetAt(position));
    if (!loc.isAtPropertyKey || !loc.previousNode) return undefined;
    const description = describeKey(format, loc.path);
    if (!description) return undefined;
    const node = loc.previousNode;
    const range = new vscode.Range(doc.positionAt(node.offset), doc.positionAt(node.offset + node.length));
    const md = new vscode.MarkdownString(`**${String(loc.path[loc.path.length - 1])}** · ${format.id}\n\n${description}`);
    return new vscode.Hover(md, range);
  }
}
