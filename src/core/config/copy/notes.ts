/**
 * What a copy could not carry over as it was, said to the user: `info` for what was written
 * differently (an input turned into an environment variable, `${workspaceFolder}` resolved), `warning`
 * for what was left out or may not work. Never silent: every field copy does not write has a note.
 *
 * Pure core: no `vscode` import.
 */

/** One note about a copy. */
export interface CopyNote {
  severity: 'info' | 'warning';
  message: string;
}

/** The notes of one copy, in the order they were made, each message once. */
export class CopyNotes {
  readonly list: CopyNote[] = [];

  info(message: string): void {
    this.add('info', message);
  }

  warn(message: string): void {
    this.add('warning', message);
  }

  /** An info note said once however often it is asked for (a caveat of the target's syntax). */
  once(message: string): void {
    this.add('info', message);
  }

  private add(severity: CopyNote['severity'], message: string): void {
    if (!this.list.some((n) => n.message === message)) this.list.push({ severity, message });
  }
}
