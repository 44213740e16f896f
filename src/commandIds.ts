/** Every command id the extension contributes, in one place (package.json must list the same). */
export const CommandIds = {
  refresh: 'mcpDevtools.refresh',
  createWorkspaceConfig: 'mcpDevtools.createWorkspaceConfig',
  openConfigFile: 'mcpDevtools.openConfigFile',
  revealServer: 'mcpDevtools.revealServer',
  showLog: 'mcpDevtools.showLog',
} as const;

export type CommandId = (typeof CommandIds)[keyof typeof CommandIds];
