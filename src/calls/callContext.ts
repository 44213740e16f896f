import type * as vscode from 'vscode';
import type { FormUi } from '../ui/formUi';
import type { LiveServers } from '../servers/liveServers';
import type { RenderedResult } from '../core/results';
import type { HistoryEntry } from '../core/history';
import type { ResultPanels } from './resultPanel';
import type { FormViews } from './formView';
import type { ArgsEditor } from './argsEditor';
import type { LastArguments } from './lastArguments';
import type { Settings } from '../settings';

/** One finished call, for the history. */
export interface CallRecord {
  kind: 'tool' | 'prompt';
  serverId: string;
  server: string;
  name: string;
  arguments: Record<string, unknown>;
  rendered: RenderedResult;
}

/** What the call commands use. `formUi` and `withProgress` are replaceable (tests inject answers, and watch and cancel the notification, through them). */
export interface CallServices {
  live: LiveServers;
  settings: Settings;
  formUi: FormUi;
  /** Shows a call's progress notification: `vscode.window.withProgress`. */
  withProgress: typeof vscode.window.withProgress;
  /** The whole-form webview (`mcpDevtools.forms.view`); tests drive its `active` session. */
  formViews: FormViews;
  results: ResultPanels;
  lastArguments: LastArguments;
  argsEditor: ArgsEditor;
  /** The History: `record` adds a call and returns its entry (`history/callHistory.ts`). */
  history?: { record(r: CallRecord, raw?: unknown): HistoryEntry };
}
