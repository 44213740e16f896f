/**
 * `mcp-devtools test [files or folders…]`: replays every call saved in collection files
 * (`*.mcp-tests.json`, `core/collections`) and compares each result with its snapshot. Servers
 * start as `call` starts them (configured by name from the current folder, or a URL / command
 * line saved in the file), each once per run; servers run in parallel, the calls of one server
 * in file order. `--update` writes the new results as snapshots, changing nothing else.
 *
 * Exit codes: 0 every call passed; 1 a call failed; 2 usage or I/O error (a file that cannot be
 * read or is not a collection file, an unknown option, a server name that is not configured).
 *
 * Pure core: no `vscode` import.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { compareResult, COLLECTION_SUFFIX, CollectionError, jsonReport, junitReport, normaliseResult, readCollection, redactedArguments, replaceSnapshot, savedServerDefinition, serverKey, textReport, type CallOutcomeReport, type LocatedCall, type SavedServer } from '../core/collections';
import { runCall } from '../core/calls/run';
import { resolveTarget } from '../core/calls/target';
import type { ServerDefinition } from '../core/config/model';
import { REDACTED } from '../core/history';
import { defineCommand, UsageError } from './io';
import { configChoice, CONFIG_OPTIONS, DEFAULT_TIMEOUT_SECONDS, maxMessageBytes, MESSAGE_LIMIT_OPTION, timeoutMs, timeoutOption } from './options';
import { failures, withServers } from './session';
import { SESSION_OPTIONS, sessionFlags } from './sessionOptions';

/** Folders never searched for collection files. */
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

/** Every collection file under `dir`, sorted, skipping node_modules and .git. */
async function findCollections(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && !SKIPPED_DIRS.has(e.name)) out.push(...(await findCollections(p)));
    else if (e.isFile() && e.name.endsWith(COLLECTION_SUFFIX)) out.push(p);
  }
  return out.sort();
}

/** One call to replay, with its file. */
interface Job {
  file: string;
  /** The file as shown (relative to the current folder). */
  shown: string;
  located: LocatedCall;
  key: string;
}

export const testCommand = defineCommand({
  name: 'test',
  summary: 'replay the calls saved in collection files (*.mcp-tests.json, see `call --save`) and compare each result with its snapshot',
  positionals: [{ name: 'paths', help: `collection files, or folders to search for *${COLLECTION_SUFFIX} (default: the current folder; node_modules and .git are skipped)`, optional: true, variadic: true }],
  options: {
    reporter: { type: 'string', value: '<text|junit|json>', choices: ['text', 'junit', 'json'], help: 'how to report: text (default), JUnit XML for CI systems, or JSON' },
    output: { type: 'string', value: '<file>', help: 'write the report to this file instead of stdout' },
    update: { type: 'boolean', help: 'accept the new results: write them as the snapshots of the calls that differ' },
    grep: { type: 'string', value: '<pattern>', help: 'replay only the calls whose "<file> #n kind name" matches this regular expression' },
    ...timeoutOption(DEFAULT_TIMEOUT_SECONDS),
    ...MESSAGE_LIMIT_OPTION,
    ...CONFIG_OPTIONS,
    ...SESSION_OPTIONS,
  },
  failure: 'a saved call failed: its result differs from its snapshot, the request failed, its server did not start, or it cannot be replayed',
  async run(values, positionals, io) {
    const started = performance.now();
    let grep: RegExp | undefined;
    try {
      grep = values.grep === undefined ? undefined : new RegExp(values.grep);
    } catch (e) {
      throw new UsageError(`--grep is not a regular expression: ${(e as Error).message}`);
    }
    const files: string[] = [];
    for (const p of positionals.length ? positionals : ['.']) {
      const abs = path.resolve(io.cwd, p);
      const s = await stat(abs).catch(() => undefined);
      if (!s) throw new UsageError(`${p}: no such file or folder`);
      files.push(...(s.isDirectory() ? await findCollections(abs) : [abs]));
    }
    if (!files.length) throw new UsageError(`no collection files (*${COLLECTION_SUFFIX}) found under ${positionals.join(', ') || 'the current folder'}: save calls with \`mcp-devtools call … --save FILE\``);
    const texts = new Map<string, string>();
    const jobs: Job[] = [];
    const servers = new Map<string, { saved: SavedServer; adHoc?: ServerDefinition }>();
    for (const file of files) {
      const shown = path.relative(io.cwd, file) || file;
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (e) {
        io.err(`mcp-devtools test: cannot read ${shown}: ${(e as Error).message}`);
        return 2;
      }
      texts.set(file, text);
      let calls: LocatedCall[];
      try {
        calls = readCollection(text, shown).calls;
      } catch (e) {
        if (!(e instanceof CollectionError)) throw e;
        io.err(`mcp-devtools test: ${e.message}`);
        return 2;
      }
      for (const located of calls) {
        if (grep && !grep.test(`${shown} ${located.label}`)) continue;
        const folder = path.dirname(file);
        const key = serverKey(located.server, folder);
        if (!servers.has(key)) servers.set(key, { saved: located.server, adHoc: typeof located.server === 'string' ? undefined : savedServerDefinition(located.server, folder, io.env) });
        jobs.push({ file, shown, located, key });
      }
    }
    const results = new Map<Job, CallOutcomeReport>();
    const updates = new Map<string, { index: number; expect: unknown }[]>();
    const ms = timeoutMs(values.timeout);
    if (jobs.length) {
      const names = [...new Set([...servers.values()].flatMap((s) => (typeof s.saved === 'string' ? [s.saved] : [])))];
      const adHoc = [...servers.values()].flatMap((s) => (s.adHoc ? [s.adHoc] : []));
      await withServers(io, { names, adHoc, timeoutMs: ms, maxMessageBytes: maxMessageBytes(values['max-message-mib']), choice: configChoice(values), flags: sessionFlags(values, io) }, async ({ registry, servers: defs }) => {
        await Promise.all([...servers].map(async ([key, s]) => {
          const def = s.adHoc ?? defs.find((d) => d.name === s.saved);
          const mine = jobs.filter((j) => j.key === key);
          const report = (j: Job, r: Omit<CallOutcomeReport, 'file' | 'label' | 'range'>) => results.set(j, { file: j.shown, label: j.located.label, range: j.located.range, ...r });
          if (!def) return mine.forEach((j) => report(j, { status: 'failed', differences: [], error: `server ${JSON.stringify(s.saved)} is not configured` }));
          await registry.start(def.id);
          const snapshot = registry.get(def.id);
          if (!snapshot || snapshot.state.kind !== 'running') {
            const why = snapshot ? failures(snapshot).join('\n') : 'gone';
            return mine.forEach((j) => report(j, { status: 'failed', differences: [], error: `server "${def.name}" did not start: ${why}` }));
          }
          for (const j of mine) {
            const { call } = j.located;
            const redacted = redactedArguments(call.arguments, REDACTED);
            if (redacted.length) {
              report(j, { status: 'failed', differences: [], error: `cannot be replayed: argument ${redacted.join(', ')} was saved as ${REDACTED} (it looked like a secret); write its value in the file` });
              continue;
            }
            let target;
            try {
              target = resolveTarget({ kind: call.kind, server: def.id, name: call.name }, registry.get(def.id)!);
            } catch (e) {
              report(j, { status: 'failed', differences: [], error: (e as Error).message });
              continue;
            }
            const outcome = await runCall(registry, target, call.arguments, { timeoutMs: call.timeoutMs ?? ms });
            if (outcome.kind === 'failed') {
              report(j, { status: 'failed', durationMs: outcome.durationMs, differences: [], error: `the request failed: ${outcome.error}` });
              continue;
            }
            const outputSchema = target.kind === 'tool' ? target.tool.outputSchema : undefined;
            const differences = compareResult(call.expect, outcome.raw, { match: call.match, ignore: call.ignore, outputSchema });
            if (!differences.length) report(j, { status: 'passed', durationMs: outcome.durationMs, differences });
            else if (values.update) {
              const list = updates.get(j.file) ?? [];
              list.push({ index: j.located.index, expect: outcome.raw });
              updates.set(j.file, list);
              report(j, { status: 'updated', durationMs: outcome.durationMs, differences });
            } else report(j, { status: 'failed', durationMs: outcome.durationMs, differences });
          }
        }));
      });
    }
    for (const [file, list] of updates) {
      let text = texts.get(file) as string;
      for (const u of list) text = replaceSnapshot(text, u.index, normaliseResult(u.expect));
      try {
        await writeFile(file, text);
      } catch (e) {
        io.err(`mcp-devtools test: cannot write ${path.relative(io.cwd, file)}: ${(e as Error).message}`);
        return 2;
      }
    }
    const ordered = jobs.map((j) => results.get(j)).filter((r): r is CallOutcomeReport => r !== undefined);
    const elapsed = performance.now() - started;
    const report = values.reporter === 'junit' ? junitReport(ordered, elapsed) : values.reporter === 'json' ? jsonReport(ordered, elapsed) : textReport(ordered, elapsed);
    if (values.output !== undefined) {
      try {
        await writeFile(path.resolve(io.cwd, values.output), `${report}\n`);
      } catch (e) {
        io.err(`mcp-devtools test: cannot write --output ${values.output}: ${(e as Error).message}`);
        return 2;
      }
      if (values.reporter !== undefined && values.reporter !== 'text') io.err(textReport(ordered, elapsed));
    } else io.out(report);
    return ordered.some((r) => r.status === 'failed') ? 1 : 0;
  },
});
