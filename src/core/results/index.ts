/**
 * Results: tool, prompt and resource results → renderable parts; a terminal renderer
 * for the CLI. Import from here.
 * The VS Code side imports only types from here: values come from their own modules or through
 * `../lazy` (this barrel loads the MCP SDK and Ajv; see ARCHITECTURE.md, Activation).
 *
 * Pure core: no `vscode` import.
 */
export { renderToolResult, renderPromptResult, renderResourceResult } from './render';
export { messageMarkdown } from './messageMarkdown';
export { renderTerminal } from './terminal';
export { validateStructuredContent } from './outputSchema';
export { contentPart, resourcePart, parseJsonText } from './content';
export { truncateParts, cutText } from './truncate';
export { resourceContentsView, resourceContentsText, type ResourceContentsView, type ResourcePart } from './resourceContents';
export {
  DEFAULT_LIMIT_BYTES, formatBytes, truncationNote, base64Bytes, utf8Bytes,
  type ResultPart, type ResultPartKind, type RenderedResult, type RenderOptions, type OutputValidation, type Truncation,
} from './parts';
