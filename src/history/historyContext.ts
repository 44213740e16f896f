import type { CallsContext } from '../calls/callsContext';
import type { CallHistory } from './callHistory';

/** What the History commands use: the calls (to re-run and show results) and the history store. */
export interface HistoryContext extends CallsContext {
  history: CallHistory;
}
