/**
 * The bridge to VS Code's own MCP support (`mcpDevtools.bridge.enabled`): which servers are handed
 * over and as what (`select.ts`, plain data, safe to import at activation); each one resolved when
 * VS Code starts it (`resolve.ts`, which loads `which`: through `lazy.ts` on the VS Code side).
 *
 * Pure core: no `vscode` import.
 */
export { discoverySource, selectBridged, vscodeDiscovers, type BridgedServer, type BridgeSelection, type VscodeDiscovery } from './select';
export type { ResolvedBridge } from './resolve';
