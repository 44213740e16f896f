/**
 * The options of every verb that starts servers, about the user's side of a session: OAuth
 * sign-in (`--no-auth-flow`, `--no-browser`), elicitation (`--elicit`) and `--verbose` (options.ts'
 * VERBOSE_OPTION, declared once: the server's log on failure, and every step of a sign-in on
 * stderr, secrets masked).
 */
import { UsageError, type Io } from './io';
import { VERBOSE_OPTION, type OptionTable } from './options';

export const ELICIT_MODES = ['ask', 'defaults', 'decline'] as const;
export type ElicitMode = (typeof ELICIT_MODES)[number];

export const SESSION_OPTIONS = {
  'no-auth-flow': { type: 'boolean', help: 'never open a sign-in: a server that needs OAuth fails at once (as without a terminal or $BROWSER)' },
  'no-browser': { type: 'boolean', help: 'print the sign-in URL instead of opening $BROWSER or the system browser' },
  elicit: { type: 'string', choices: ELICIT_MODES, help: 'answer servers\' elicitation requests: ask on the terminal, accept with the schema\'s defaults, or decline (default: ask on a terminal, else decline)' },
  // `--verbose` is declared once, in options.ts: the server's log on failure, and each sign-in step.
  ...VERBOSE_OPTION,
} as const satisfies OptionTable;

/** What {@link SESSION_OPTIONS} decided. */
export interface SessionFlags {
  /** `--no-auth-flow`. */
  noAuthFlow: boolean;
  /** `--no-browser`. */
  noBrowser: boolean;
  elicit: ElicitMode;
  verbose: boolean;
}

/** @throws UsageError for `--elicit=ask` without a terminal */
export function sessionFlags(values: { 'no-auth-flow'?: boolean; 'no-browser'?: boolean; elicit?: ElicitMode; verbose?: boolean }, io: Io): SessionFlags {
  if (values.elicit === 'ask' && !io.terminal) throw new UsageError('--elicit=ask needs a terminal to ask on; use --elicit=defaults or --elicit=decline');
  return {
    noAuthFlow: values['no-auth-flow'] ?? false,
    noBrowser: values['no-browser'] ?? false,
    elicit: values.elicit ?? (io.terminal ? 'ask' : 'decline'),
    verbose: values.verbose ?? false,
  };
}

/** The flags when a verb declares none of the options (a verb that never starts an OAuth flow). */
export function defaultSessionFlags(io: Io): SessionFlags {
  return sessionFlags({}, io);
}
