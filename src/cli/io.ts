/** What a CLI command may touch: output streams, the working directory and the environment. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  env: NodeJS.ProcessEnv;
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
