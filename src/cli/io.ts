import type { PromptStreams } from './formPrompter';

/** What a CLI command may touch: output streams, the working directory, the environment and the terminal. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /**
   * Where to ask the user (missing arguments, elicitation, sampling): set when stdin and stderr
   * are terminals. Without it the CLI never asks, and declares neither elicitation nor sampling.
   */
  terminal?: PromptStreams;
}

/** A CLI command: one verb of `mcp-devtools`. */
export interface CliCommand {
  name: string;
  usage: string;
  description: string;
  /** Returns the exit code. Throws {@link UsageError} for bad arguments. */
  run(args: string[], io: Io): Promise<number>;
}

/** Bad command-line arguments: the CLI prints the message and the usage, and exits 2. */
export class UsageError extends Error {}
