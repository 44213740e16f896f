/**
 * The config doctor: a stdio server's command resolved on the PATH its client gives it
 * (`clientPath.ts`, `resolve.ts`), and a start failure explained with the config line at fault
 * and a fix (`explain.ts`). `mcp-devtools doctor` with no server runs it over every config file.
 *
 * Pure core: no `vscode` import. `resolve.ts` uses the `which` package: on the VS Code side it
 * comes through `lazy.ts` (`loadLive`).
 */
export { clientPath, LAUNCHD_PATH, pathOf, processPath, versionManagerOf, type ClientPath, type HostEnv, type PathSource, type VersionManager } from './clientPath';
export { explainStartFailure, formatLocation, type ConfigLocation, type StartExplanation, type StartFailureCause } from './explain';
export { checkCommand, envInterpreter, resolveCommand, versionManagerFolders, type CommandCheck, type CommandResolution } from './resolve';
