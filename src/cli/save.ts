/**
 * `call … --save FILE` and `prompt … --save FILE`: appends the call, its arguments and its result
 * (the snapshot) to a collection file (`core/collections`), creating it when missing. Secrets are
 * never written (`savedCallOf`); what was left out is said on stderr, since a call saved that way
 * cannot be replayed as it was.
 *
 * Pure core: no `vscode` import.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { appendCall, savedCallOf, type MadeCall } from '../core/collections';
import { UsageError, type Io } from './io';
import type { OptionTable } from './options';

export const SAVE_OPTION = {
  save: { type: 'string', value: '<file>', help: 'append this call and its result (as the expected snapshot) to a collection file (*.mcp-tests.json) for `mcp-devtools test`' },
} as const satisfies OptionTable;

/**
 * Appends the call to `file` (relative to `io.cwd`).
 * @throws UsageError when the file cannot be read or written, or is not a collection file
 */
export async function saveCall(file: string, io: Io, made: MadeCall): Promise<void> {
  const target = path.resolve(io.cwd, file);
  let text: string | undefined;
  try {
    text = await readFile(target, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new UsageError(`cannot read --save file ${file}: ${(e as Error).message}`);
  }
  const { call, notes } = savedCallOf(made, path.dirname(target), io.cwd);
  let next: string;
  try {
    next = appendCall(text, call);
  } catch (e) {
    throw new UsageError(`cannot add to --save file ${file}: ${(e as Error).message}`);
  }
  try {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, next);
  } catch (e) {
    throw new UsageError(`cannot write --save file ${file}: ${(e as Error).message}`);
  }
  for (const n of notes) io.err(`mcp-devtools: --save: ${n}`);
  io.err(`mcp-devtools: saved ${made.kind} ${made.name} to ${file}`);
}
