import { DEBUG_TYPES } from '../../config/model';
import { isObject } from '../servers';
import type { DocPath, Finding, Rule, RuleDoc } from '../types';
import { didYouMean, finding, showPath } from '../util';

const doc: RuleDoc = {
  code: 'dev-mode',
  severity: 'error',
  description: 'VS Code\'s "dev" field that cannot work: "watch" that is not a glob or a list of globs, a "debug" whose "type" is not "node" or "debugpy", "debug" on a remote server (only a launched stdio server can be debugged), or a command VS Code will not debug ("node" debugging needs the node executable, "debugpy" a python one).',
  fix: 'Write "watch" as a glob string (or a list of them, "!" to exclude) relative to the workspace folder, and "debug" as {"type": "node"} or {"type": "debugpy"} on a stdio server.',
  source: 'microsoft/vscode IMcpDevModeConfig (src/vs/platform/mcp/common/mcpPlatformTypes.ts) and McpDevModeDebugging (src/vs/workbench/contrib/mcp/common/mcpDevMode.ts), VS Code 1.139.',
};

/** VS Code's own tests of the launch command (mcpDevMode.ts): `/node[0-9]*$/` and `/python[0-9.]*$/`. */
const NODE_COMMAND = /node[0-9]*(\.exe)?$/i;
const PYTHON_COMMAND = /python[0-9.]*(\.exe)?$/i;

export const devModeRule: Rule = {
  doc,
  check(ctx) {
    const out: Finding[] = [];
    if (ctx.format.client !== 'vscode') return out;
    for (const s of ctx.servers) {
      if (!isObject(s.value) || !('dev' in s.value)) continue;
      const dev = s.value.dev;
      const devPath: DocPath = [...s.path, 'dev'];
      if (!isObject(dev)) {
        out.push(finding(ctx, doc, ctx.locate(devPath), `${showPath(devPath)} must be an object such as {"watch": "src/**/*.ts", "debug": {"type": "node"}}.`));
        continue;
      }
      if ('watch' in dev) out.push(...watchFindings(ctx, dev.watch, [...devPath, 'watch']));
      if (!('debug' in dev)) continue;
      const debugPath: DocPath = [...devPath, 'debug'];
      const debug = dev.debug;
      if (!isObject(debug)) {
        out.push(finding(ctx, doc, ctx.locate(debugPath), `${showPath(debugPath)} must be an object: {"type": "node"} or {"type": "debugpy"}.`));
        continue;
      }
      const type = debug.type;
      const typePath = [...debugPath, 'type'];
      if (typeof type !== 'string' || !(DEBUG_TYPES as readonly string[]).includes(type)) {
        const near = typeof type === 'string' ? didYouMean(type, DEBUG_TYPES) : undefined;
        const what = type === undefined ? 'has no "type"' : `has type ${JSON.stringify(type)}`;
        out.push(finding(ctx, doc, ctx.locate('type' in debug ? typePath : debugPath), `${showPath(debugPath)} ${what}: VS Code knows "node" and "debugpy".${near ? ` Did you mean "${near}"?` : ''}`));
        continue;
      }
      const command = s.value.command;
      if (typeof command !== 'string') {
        if ('url' in s.value) out.push(finding(ctx, doc, ctx.locate(debugPath), `Server "${s.name}" is a remote server: VS Code attaches a debugger only to a stdio server it launches, so ${showPath(debugPath)} does nothing here. Debug the server where it runs, or remove "debug".`, { severity: 'warning' }));
        continue;
      }
      if (type === 'node' && !NODE_COMMAND.test(command)) {
        out.push(finding(ctx, doc, ctx.locate([...s.path, 'command']), `Server "${s.name}" is debugged as "node" but runs ${JSON.stringify(command)}: VS Code debugs only a server launched with the node executable ("MCP server must be launched with the \\"node\\" executable"). Run it as "node <script>" (MCP DevTools also passes the inspector through NODE_OPTIONS).`, { severity: 'warning' }));
      }
      if (type === 'debugpy' && !PYTHON_COMMAND.test(command) && typeof debug.debugpyPath !== 'string') {
        out.push(finding(ctx, doc, ctx.locate([...s.path, 'command']), `Server "${s.name}" is debugged with "debugpy" but runs ${JSON.stringify(command)}: VS Code debugs only a server launched with a python executable (or set "debugpyPath"). Run it as "python <script>" (MCP DevTools also handles "uv run").`, { severity: 'warning' }));
      }
    }
    return out;
  },
};

/** `watch`: a string, or an array of strings. */
function watchFindings(ctx: Parameters<Rule['check']>[0], watch: unknown, path: DocPath): Finding[] {
  if (typeof watch === 'string') return watch.trim() ? [] : [finding(ctx, doc, ctx.locate(path), `${showPath(path)} is empty: give a glob relative to the workspace folder, such as "src/**/*.ts".`)];
  if (!Array.isArray(watch)) return [finding(ctx, doc, ctx.locate(path), `${showPath(path)} must be a glob string or a list of them (relative to the workspace folder, "!" to exclude), not ${watch === null ? 'null' : typeof watch}.`)];
  return watch.flatMap((item, i) => (typeof item === 'string' ? [] : [finding(ctx, doc, ctx.locate([...path, i]), `${showPath([...path, i])} must be a glob string, not ${item === null ? 'null' : typeof item}.`)]));
}
