/**
 * The config readers, one per syntax (JSON with jsonc-parser, Codex's TOML with smol-toml,
 * Continue's YAML), behind `ConfigFormat.read`. esbuild bundles this module as `dist/readers.js`,
 * loaded through {@link loadReaders} in `./lazy` when the first config file is read (the Servers
 * view's first look at its files), not at activation.
 *
 * Pure core: no `vscode` import.
 */
export { readJsonServers } from './config/jsonReader';
export { readCodexToml } from './config/tomlReader';
export { readContinueYaml } from './config/yamlReader';
// "Save to Config…" writes with jsonc-parser, which is here
export { addServerEdits } from './config/serverEntry';
// "Copy Server to…" writes with jsonc-parser, smol-toml and yaml (through loadYaml)
export { defaultTargetPath, NameClashError, planCopy, unifiedDiff, CopyError } from './config/copy';
