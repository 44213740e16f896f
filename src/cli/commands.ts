import type { CliCommand } from './io';
import { serversCommand } from './servers';

/** Every verb of `mcp-devtools`, in help order. */
export const COMMANDS: CliCommand[] = [serversCommand];
