import type * as vscode from 'vscode';
import type { Prompt, Tool } from '@modelcontextprotocol/sdk/types.js';

/**
 * QuickPick items for tools and prompts, with the **name in the label**.
 *
 * VS Code's QuickPick ranks matches by label only: items whose label matches the typed text come
 * first, a label that starts with it before one that merely contains it, the shorter label first
 * (so an exact name wins); matches found only in the description or detail keep the list's order
 * behind them. With the name in the label, typing a tool's exact name or a prefix of it selects that
 * tool, never another one whose title or description happens to mention the name. The title (when
 * it differs) and the server go in `description`, the first line of the description in `detail`;
 * both still filter (`matchOnDescription`, `matchOnDetail`), they just do not outrank the name.
 */
export interface NamedPickItem<T> extends vscode.QuickPickItem {
  value: T;
}

/** `label`: the tool's name; `description`: its title (if another) and `server` (if given); `detail`: first line of its description. */
export function toolPickItem(tool: Tool, server?: string): NamedPickItem<Tool> {
  return namedItem(tool.name, tool.title ?? tool.annotations?.title, tool.description, server, tool);
}

/** The same for a prompt. */
export function promptPickItem(prompt: Prompt, server?: string): NamedPickItem<Prompt> {
  return namedItem(prompt.name, prompt.title, prompt.description, server, prompt);
}

/** Options for a picker over {@link toolPickItem}s: the title and description filter too, the name ranks first. */
export const NAMED_PICK_OPTIONS = { matchOnDescription: true, matchOnDetail: true } as const;

function namedItem<T>(name: string, title: string | undefined, description: string | undefined, server: string | undefined, value: T): NamedPickItem<T> {
  const other = title && title !== name ? title : undefined;
  const desc = [other, server].filter((s): s is string => !!s).join(' · ');
  return { label: name, description: desc || undefined, detail: description?.split('\n')[0], value };
}
