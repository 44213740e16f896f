/**
 * A prompt message's parts as Markdown: what the result view, History and the CLI show for a
 * `prompts/get` message. A module of its own because History needs it without the renderers
 * (which validate `structuredContent` with Ajv).
 *
 * Pure core: no `vscode` import.
 */
import type { ResultPart } from './parts';
import { resourceContentsView } from './resourceContents';

/** A prompt message as Markdown: a `**User**` / `**Assistant**` heading, then its content. */
export function messageMarkdown(role: string, parts: readonly ResultPart[]): string {
  const head = `**${role.charAt(0).toUpperCase()}${role.slice(1)}**`;
  return [head, ...parts.map(partMarkdown)].join('\n\n');
}

function partMarkdown(p: ResultPart): string {
  switch (p.kind) {
    case 'text': return p.text;
    case 'json': case 'structured': case 'unknown': return '```json\n' + p.text + '\n```';
    case 'image': return p.data ? `![image](data:${p.mimeType};base64,${p.data})` : `*(image, ${p.mimeType})*`;
    case 'audio': return `*(audio, ${p.mimeType}, ${p.bytes} bytes)*`;
    case 'resourceLink': return `[${p.title ?? p.name}](${p.uri})${p.description ? ` — ${p.description}` : ''}`;
    case 'resource': {
      const v = resourceContentsView(p);
      if (v.text === undefined) return `*${p.uri}* (${v.summary})`;
      return `*${p.uri}*\n\n` + (p.json !== undefined ? '```json\n' + v.text + '\n```' : v.text);
    }
    case 'message': return p.markdown;
  }
}
