/**
 * The connection layer's public surface: import from here.
 * The VS Code side imports only types from here: values come from their own modules or through
 * `../lazy` (this barrel loads the MCP SDK and Ajv; see ARCHITECTURE.md, Activation).
 *
 * Pure core: no `vscode` import.
 */
export { ServerRegistry, type RegistryEvents, type RegistryOptions } from './registry';
export { ServerController } from './serverController';
export { openConnection, clientCapabilities, describeExit, DEFAULT_CONNECT_TIMEOUT_MS, type Connection, type ConnectOptions, type CloseInfo, type ClientRequestHandlers } from './connect';
export { ServerState, backoffDelay, listItems, LIST_KINDS, type ListKind, type ListState, type RetryInfo, type ServerStateKind } from './state';
export type { ServerInfo, ServerLists, ServerSnapshot, ReconnectOptions, ControllerOptions, ControllerEvents } from './types';
export { TypedEmitter, LOGGING_LEVELS, type LogEvent } from './events';
export { resolveLaunch, mergeEnv, launchSummary, type Launch, type ResolvedLaunch } from './launch';
export { bindContext, resolverFor, VariableError, type BoundVariableContext, type VariableContext, type VariableResolver } from './variables';
export { Redactor, REDACTED, isCredentialName } from '../secrets';
export { listAll, collectPages, supportsList, type ListItems } from './lists';
export { describeSpawnError } from './spawnErrors';
export { DEFAULT_MAX_MESSAGE_BYTES, MIB } from './limits';
export { WebSocketTransport } from './webSocketTransport';
export { debugLaunch, inspectorPort, freePort, DEBUG_HOST, type DebugTarget, type DebugLaunch } from './debugLaunch';
export { diffLists, hasListChanges, itemKey, type ItemChange, type ListChanges, type ListsToCompare } from './listDiff';
