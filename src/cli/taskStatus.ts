/**
 * `call`'s side of tasks (spec 2025-11-25; the task itself runs in `core/calls/task.ts`): the
 * `--task` / `--no-task` options, and the task's status on stderr while `call` waits for its
 * result — one updating line on a terminal (`Io.statusLine`), a plain line per change otherwise.
 * Never on stdout: `--json` output stays the result alone.
 *
 * Pure core: no `vscode` import.
 */
import type { CallProgress } from '../core/calls/task';
import type { TaskUse } from '../core/calls/run';
import { UsageError, type Io } from './io';
import type { OptionTable } from './options';

/** `--task` and `--no-task` (`call` only): when a tool is called as a task. */
export const TASK_OPTIONS = {
  task: { type: 'boolean', help: 'call the tool as a task when it supports one (execution.taskSupport "optional" too; "required" ones always are), showing its status on stderr' },
  'no-task': { type: 'boolean', help: 'send a plain tools/call even to a tool that requires a task (to see how the server refuses it)' },
} as const satisfies OptionTable;

/** The {@link TaskUse} of `--task` / `--no-task` (neither: `whenRequired`). @throws UsageError when both are given */
export function taskUse(values: { task?: boolean; 'no-task'?: boolean }): TaskUse {
  if (values.task && values['no-task']) throw new UsageError('give --task or --no-task, not both');
  return values.task ? 'whenSupported' : values['no-task'] ? 'never' : 'whenRequired';
}

/** What one status or progress report says: `task working: Gathering sources...`, `task working · 3 of 10: halfway`. */
export function statusText(status: string | undefined, p: CallProgress): string {
  if (p.kind === 'task') return `task ${p.task.status}${p.task.statusMessage ? `: ${p.task.statusMessage}` : ''}`;
  const count = `${p.progress}${p.total ? ` of ${p.total}` : ''}`;
  return `${status ?? 'progress'} · ${p.message ? `${count}: ${p.message}` : count}`;
}

/**
 * A progress callback for `runCall` that shows a task's statuses and its progress notifications on
 * stderr (nothing before the first task status: a plain call's progress is not shown). On a
 * terminal one line is rewritten, except that `input_required` and the final status are left
 * standing (an elicitation's questions follow the first; the result, the second).
 * @returns the callback, and `end` to call once the call is over (clears the updating line)
 */
export function taskStatusReporter(io: Io): { onprogress: (p: CallProgress) => void; end(): void } {
  let status: string | undefined;
  let line = false;
  const show = (text: string, stand: boolean) => {
    if (io.statusLine && !stand) {
      io.statusLine(text);
      line = true;
      return;
    }
    if (line) io.statusLine?.(undefined);
    line = false;
    io.err(text);
  };
  return {
    onprogress(p) {
      if (p.kind === 'progress' && status === undefined) return;
      const text = statusText(status, p);
      if (p.kind === 'task') status = text;
      const stand = p.kind === 'task' && (p.task.status === 'input_required' || p.task.status === 'completed' || p.task.status === 'failed' || p.task.status === 'cancelled');
      show(text, stand);
    },
    end() {
      if (line) io.statusLine?.(undefined);
      line = false;
    },
  };
}
