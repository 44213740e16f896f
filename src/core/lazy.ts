/**
 * The lazy module boundary: parts of the core that are heavy and not needed to show the Servers
 * view are loaded here, on first use, by a plain `require` of a sibling module:
 *
 * | loader | module | in the extension | what it holds |
 * |---|---|---|---|
 * | {@link loadLive} | `./live` | `dist/live.js` | `ServerRegistry` (the MCP SDK, zod, ws), the call pipeline, forms and Ajv, result renderers |
 * | {@link loadLinter} | `./linter` | `dist/linter.js` | the config linter (its rules, Ajv for the schema rule) |
 * | {@link loadReaders} | `./readers` | `dist/readers.js` | the config readers (jsonc-parser, smol-toml) |
 * | {@link loadYaml} | `./yaml` | `dist/yaml.js` | the `yaml` package (Continue's files) |
 *
 * How `require('./live.js')` resolves: the extension bundle keeps it external (an esbuild resolve
 * rule in scripts/bundles.mjs), so it loads `dist/live.js` beside `dist/extension.js`; the CLI
 * bundle includes the module like any other; unbundled (unit tests, `out/`) it is
 * `out/src/core/live.js`. Only `import type` crosses this boundary, so callers stay typed and
 * nothing of a lazy module is evaluated before its loader runs. The wrappers below have the
 * signatures of the functions they load, for call sites that need nothing else.
 *
 * Modules are loaded synchronously (`require`): the first call pays for parsing the bundle
 * (tens of milliseconds for `dist/live.js`), later calls nothing.
 *
 * Pure core: no `vscode` import.
 */
import type * as Live from './live';
import type * as Linter from './linter';
import type * as Readers from './readers';
import type * as Yaml from './yaml';

let live: typeof Live | undefined;
let linter: typeof Linter | undefined;
let readers: typeof Readers | undefined;
let yaml: typeof Yaml | undefined;
/** Where the linter reads its schemas, once it is loaded ({@link setSchemaDir}). */
let schemaDir: string | undefined;

/* eslint-disable @typescript-eslint/no-require-imports -- these requires are the point of this module */

/** The connection layer, forms and result renderers (`dist/live.js`); loaded on the first call. */
export function loadLive(): typeof Live {
  return (live ??= require('./live.js') as typeof Live);
}

/** The config linter (`dist/linter.js`); loaded on the first call. */
export function loadLinter(): typeof Linter {
  if (linter) return linter;
  linter = require('./linter.js') as typeof Linter;
  if (schemaDir) linter.setSchemaDir(schemaDir);
  return linter;
}

/** The config readers (`dist/readers.js`); loaded on the first call. */
export function loadReaders(): typeof Readers {
  return (readers ??= require('./readers.js') as typeof Readers);
}

/** The `yaml` package (`dist/yaml.js`); loaded on the first call. */
export function loadYaml(): typeof Yaml {
  return (yaml ??= require('./yaml.js') as typeof Yaml);
}

/* eslint-enable @typescript-eslint/no-require-imports */

/** Where the linter reads the client schemas (`<extension>/media/schemas`): applied when it loads, or at once if it is loaded. */
export function setSchemaDir(dir: string): void {
  schemaDir = dir;
  linter?.setSchemaDir(dir);
}

// The functions callers use without anything else of their module, loaded on their first call.
export const resolveTarget: typeof Live.resolveTarget = (...a) => loadLive().resolveTarget(...a);
export const callForm: typeof Live.callForm = (...a) => loadLive().callForm(...a);
export const completionRef: typeof Live.completionRef = (...a) => loadLive().completionRef(...a);
export const runCall: typeof Live.runCall = (...a) => loadLive().runCall(...a);
export const planForm: typeof Live.planForm = (...a) => loadLive().planForm(...a);
export const validateArguments: typeof Live.validateArguments = (...a) => loadLive().validateArguments(...a);
export const wholeFormAsJson: typeof Live.wholeFormAsJson = (...a) => loadLive().wholeFormAsJson(...a);
export const promptArgumentsSchema: typeof Live.promptArgumentsSchema = (...a) => loadLive().promptArgumentsSchema(...a);
export const uriTemplateSchema: typeof Live.uriTemplateSchema = (...a) => loadLive().uriTemplateSchema(...a);
export const expandUriTemplate: typeof Live.expandUriTemplate = (...a) => loadLive().expandUriTemplate(...a);
export const readCollection: typeof Live.readCollection = (...a) => loadLive().readCollection(...a);
export const compareResult: typeof Live.compareResult = (...a) => loadLive().compareResult(...a);
export const redactedArguments: typeof Live.redactedArguments = (...a) => loadLive().redactedArguments(...a);
export const renderToolResult: typeof Live.renderToolResult = (...a) => loadLive().renderToolResult(...a);
export const renderPromptResult: typeof Live.renderPromptResult = (...a) => loadLive().renderPromptResult(...a);
export const renderResourceResult: typeof Live.renderResourceResult = (...a) => loadLive().renderResourceResult(...a);
export const parseJsonc: typeof Live.parseJsonc = (...a) => loadLive().parseJsonc(...a);
export const appendCall: typeof Live.appendCall = (...a) => loadLive().appendCall(...a);
export const savedCallOf: typeof Live.savedCallOf = (...a) => loadLive().savedCallOf(...a);
export const savedServerDefinition: typeof Live.savedServerDefinition = (...a) => loadLive().savedServerDefinition(...a);
export const normaliseResult: typeof Live.normaliseResult = (...a) => loadLive().normaliseResult(...a);
export const lint: typeof Linter.lint = (...a) => loadLinter().lint(...a);
export const describeKey: typeof Linter.describeKey = (...a) => loadLinter().describeKey(...a);
export const vscodeFileOptions: typeof Linter.vscodeFileOptions = (...a) => loadLinter().vscodeFileOptions(...a);
export const getLocation: typeof Linter.getLocation = (...a) => loadLinter().getLocation(...a);
export const addServerEdits: typeof Readers.addServerEdits = (...a) => loadReaders().addServerEdits(...a);
export const planCopy: typeof Readers.planCopy = (...a) => loadReaders().planCopy(...a);
export const defaultTargetPath: typeof Readers.defaultTargetPath = (...a) => loadReaders().defaultTargetPath(...a);
