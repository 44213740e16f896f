import * as vscode from 'vscode';
import { CommandIds, type CommandId } from './commandIds';
import type { HistoryContext } from './history/historyContext';
import { createWorkspaceConfig } from './configEditor/createWorkspaceConfig';
import { goToTool } from './servers/goToTool';
import { openConfigFile } from './servers/openConfigFile';
import { connectToServer, disconnectServer } from './servers/connectServer';
import { saveServerToConfig } from './servers/saveToConfig';
import { copyServerTo } from './servers/copyServer';
import { compareCopies } from './servers/compareCopies';
import { openResource } from './resources/openResource';
import { refresh } from './servers/refresh';
import { revealServer } from './servers/revealServer';
import { signIn, signOut, signOutAll } from './servers/signInCommands';
import { resetServerTrust, restartServer, showServerOutput, startAllServers, startServer, stopAllServers, stopServer } from './servers/serverLifecycle';
import { setLogLevel } from './servers/setLogLevel';
import { checkServer } from './servers/checkServer';
import { showProtocol } from './servers/showProtocol';
import { stopWatchingServerSource, watchServerSource } from './servers/watchCommands';
import { callTool } from './calls/callTool';
import { getPrompt } from './calls/getPrompt';
import { readResource } from './calls/readResource';
import { sendArguments } from './calls/sendArguments';
import { saveCallToCollection } from './history/saveToCollection';
import type { CollectionTests } from './history/collectionTests';
import { clearHistory, copyCallAsCli, editAndRerunCall, exportHistory, rerunCall, showHistoryResult } from './history/historyCommands';

/**
 * The context every command receives: the widest capability context (history's includes calls',
 * resources', servers' and the app's). Each handler declares only the part it uses.
 */
export type CommandContext = HistoryContext & { collections: CollectionTests };

type Handler = (ctx: CommandContext, ...args: never[]) => unknown;

/** Every command and its handler. A test checks this table against package.json. */
const TABLE: Record<CommandId, Handler> = {
  [CommandIds.refresh]: refresh,
  [CommandIds.createWorkspaceConfig]: createWorkspaceConfig,
  [CommandIds.openConfigFile]: openConfigFile,
  [CommandIds.connectToServer]: connectToServer,
  [CommandIds.saveServerToConfig]: saveServerToConfig,
  [CommandIds.copyServerTo]: copyServerTo,
  [CommandIds.compareCopies]: compareCopies,
  [CommandIds.disconnectServer]: disconnectServer,
  [CommandIds.revealServer]: revealServer,
  [CommandIds.showLog]: (ctx) => ctx.log.show(),
  [CommandIds.startServer]: startServer,
  [CommandIds.stopServer]: stopServer,
  [CommandIds.restartServer]: restartServer,
  [CommandIds.watchServerSource]: watchServerSource,
  [CommandIds.stopWatchingServerSource]: stopWatchingServerSource,
  [CommandIds.startAllServers]: startAllServers,
  [CommandIds.stopAllServers]: stopAllServers,
  [CommandIds.showServerOutput]: showServerOutput,
  [CommandIds.showProtocol]: showProtocol,
  [CommandIds.setLogLevel]: setLogLevel,
  [CommandIds.checkServer]: checkServer,
  [CommandIds.resetServerTrust]: resetServerTrust,
  [CommandIds.signIn]: signIn,
  [CommandIds.signOut]: signOut,
  [CommandIds.signOutAll]: signOutAll,
  [CommandIds.goToTool]: goToTool,
  [CommandIds.openResource]: openResource,
  [CommandIds.readResource]: readResource,
  [CommandIds.callTool]: callTool,
  [CommandIds.getPrompt]: getPrompt,
  [CommandIds.sendArguments]: sendArguments,
  [CommandIds.showHistoryResult]: showHistoryResult,
  [CommandIds.rerunCall]: rerunCall,
  [CommandIds.editAndRerunCall]: editAndRerunCall,
  [CommandIds.copyCallAsCli]: copyCallAsCli,
  [CommandIds.saveCallToCollection]: saveCallToCollection,
  [CommandIds.runCollectionTests]: (ctx, file?: string, index?: number) => ctx.collections.runFromCommand(file, index),
  [CommandIds.exportHistory]: exportHistory,
  [CommandIds.clearHistory]: clearHistory,
};

/**
 * Registers every command. One shared wrapper logs failures and shows them to the user, so a
 * failing command never surfaces as an unhandled rejection in the extension host.
 */
export function registerCommands(ctx: CommandContext): void {
  for (const [id, handler] of Object.entries(TABLE) as [CommandId, Handler][]) {
    ctx.vscode.subscriptions.push(
      vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        try {
          return await (handler as (ctx: CommandContext, ...a: unknown[]) => unknown)(ctx, ...args);
        } catch (e) {
          const message = e instanceof Error ? e.message : String(e);
          ctx.log.error(`${id} failed: ${message}`);
          void vscode.window.showErrorMessage(`MCP DevTools: ${message}`, 'Show Log').then((a) => a && ctx.log.show());
          return undefined;
        }
      }),
    );
  }
}
