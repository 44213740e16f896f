/** Every command id the extension contributes, in one place (package.json must list the same). */
export const CommandIds = {
  refresh: 'mcpDevtools.refresh',
  createWorkspaceConfig: 'mcpDevtools.createWorkspaceConfig',
  openConfigFile: 'mcpDevtools.openConfigFile',
  revealServer: 'mcpDevtools.revealServer',
  showLog: 'mcpDevtools.showLog',
  startServer: 'mcpDevtools.startServer',
  stopServer: 'mcpDevtools.stopServer',
  restartServer: 'mcpDevtools.restartServer',
  startAllServers: 'mcpDevtools.startAllServers',
  stopAllServers: 'mcpDevtools.stopAllServers',
  showServerOutput: 'mcpDevtools.showServerOutput',
  setLogLevel: 'mcpDevtools.setLogLevel',
  resetServerTrust: 'mcpDevtools.resetServerTrust',
  goToTool: 'mcpDevtools.goToTool',
  openResource: 'mcpDevtools.openResource',
  readResource: 'mcpDevtools.readResource',
  callTool: 'mcpDevtools.callTool',
  getPrompt: 'mcpDevtools.getPrompt',
  sendArguments: 'mcpDevtools.sendArguments',
  rerunCall: 'mcpDevtools.history.rerun',
  editAndRerunCall: 'mcpDevtools.history.editAndRerun',
  copyCallAsCli: 'mcpDevtools.history.copyAsCli',
  exportHistory: 'mcpDevtools.history.export',
  clearHistory: 'mcpDevtools.history.clear',
} as const;

export type CommandId = (typeof CommandIds)[keyof typeof CommandIds];
