/**
 * A stand-in for VS Code's `Memento` (`workspaceState`, `globalState`): values are kept as JSON,
 * as VS Code stores them, so a store that relied on keeping object identity would fail here too.
 */
export class FakeMemento {
  private readonly data = new Map<string, string>();
  /** How many times `update` was called. */
  updates = 0;

  keys(): readonly string[] {
    return [...this.data.keys()];
  }

  get<T>(key: string): T | undefined;
  get<T>(key: string, defaultValue: T): T;
  get<T>(key: string, defaultValue?: T): T | undefined {
    const raw = this.data.get(key);
    return raw === undefined ? defaultValue : (JSON.parse(raw) as T);
  }

  update(key: string, value: unknown): Thenable<void> {
    this.updates++;
    if (value === undefined) this.data.delete(key);
    else this.data.set(key, JSON.stringify(value));
    return Promise.resolve();
  }
}
