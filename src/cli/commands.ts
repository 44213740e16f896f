import { authCommand } from './auth';
import { callCommand } from './call';
import { copyCommand } from './copy';
import { describeCommand } from './describe';
import { doctorCommand } from './doctor';
import type { CliCommand } from './io';
import { lintCommand } from './lint';
import { listCommand } from './list';
import { promptCommand } from './prompt';
import { readCommand } from './read';
import { serversCommand } from './servers';
import { testCommand } from './test';

/** Every verb of `mcp-devtools`, in help order. */
export const COMMANDS: CliCommand[] = [serversCommand, lintCommand, listCommand, readCommand, callCommand, describeCommand, promptCommand, testCommand, doctorCommand, authCommand, copyCommand];
