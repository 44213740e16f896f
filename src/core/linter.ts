/**
 * The config linter as the editor uses it: findings for one document, the VS Code overlap
 * options, key descriptions for hovers (and jsonc-parser's `getLocation` to find the hovered key). It weighs what Ajv and the rules weigh, so esbuild bundles
 * it as `dist/linter.js`, loaded through {@link loadLinter} in `./lazy` when the first config
 * document is linted or hovered, not at activation.
 *
 * Pure core: no `vscode` import.
 */
export { lint } from './lint/lint';
export { describeKey, setSchemaDir } from './lint/schemas';
export { vscodeFileOptions } from './lint/vscodeOverlap';
export { getLocation } from 'jsonc-parser';
