#!/usr/bin/env node
// A stand-in "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }).
// It takes the arguments test-electron passes to Electron VS Code and runs the same extension tests
// in code-server's real node extension host instead: the workbench, started with the smoke-test
// driver, reads extensionDevelopmentPath / extensionTestsPath from its `payload` URL parameter and
// reports the test runner's exit code through window.codeAutomationExit, and the extension host's
// console (mocha's reporter) through window.codeAutomationLog. Exits with the runner's exit code:
// 0 pass, 1 failures, 2 timeout, 3 harness error.
//
// `--reload-phases=N` (ours): after the runner passed, the same page loads the workbench again, N
// times in all: a new window and a new extension host on the same user data (server side and the
// browser profile's storage, where a web workbench keeps SecretStorage and global state), as
// Developer: Reload Window does. Each phase runs the same tests with MCP_DEVTOOLS_RELOAD_PHASE=1…N
// in the extension host's environment.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { format } from 'node:util';
import { launchBrowser } from './browser.mjs';
import { startCodeServer } from './codeServer.mjs';

const TIMEOUT_MS = Number(process.env.MCP_DEVTOOLS_TEST_TIMEOUT_MS || 300000);
const MARKER = '__EXTENSION_TESTS_BEGIN__';
// A test that needs real keystrokes (typing into a QuickPick, which no command can do) logs this
// marker and JSON `{ type, done, quickInput? }`; the shim waits for a QuickPick titled `quickInput`
// (if given), types `type` into the focused element and then writes the file `done` (see
// typeInWorkbench in test/integration/helpers.ts).
const KEYS = '__MCP_DEVTOOLS_KEYS__ ';
process.env.MCP_DEVTOOLS_KEYS = '1'; // reaches the extension host: the tests know they can ask
const NOISE = /open-vsx\.org|Failed to load installed MCP servers|\[AgentHost|\[ChatModelSelection\]|vsda|ENOTFOUND|^Canceled|^Ignoring fetching additional builtin extensions/;

const opts = { dev: [], folder: undefined, tests: undefined, userDataDir: undefined, extensionsDir: undefined, trust: false, phases: 1 };
for (const a of process.argv.slice(2)) {
  const [k, v] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
  if (k === '--extensionDevelopmentPath') opts.dev.push(v);
  else if (k === '--extensionTestsPath') opts.tests = v;
  else if (k === '--user-data-dir') opts.userDataDir = v;
  else if (k === '--extensions-dir') opts.extensionsDir = v;
  else if (k === '--enable-workspace-trust') opts.trust = true; // ours: keep Restricted Mode testable
  else if (k === '--reload-phases') opts.phases = Math.max(1, Number(v) || 1); // ours: see above
  else if (k.startsWith('--')) continue; // Electron/VS Code flags with no meaning here
  else opts.folder = a; // launchArgs: the folder or workspace to open
}
if (!opts.dev.length || !opts.tests) {
  console.error('code-shim: need --extensionDevelopmentPath and --extensionTestsPath');
  process.exit(64);
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'mcp-devtools-it-'));
let server; let browser; let code = 3;
try {
  server = await startCodeServer({ dataDir, userDataDir: opts.userDataDir, extensionsDir: opts.extensionsDir, trust: opts.trust, testDriver: true });
  const host = new URL(server.url).host;
  const remote = (p) => `vscode-remote://${host}${path.resolve(p)}`;
  const where = opts.folder
    ? (opts.folder.endsWith('.code-workspace') ? `workspace=${encodeURIComponent(path.resolve(opts.folder))}` : `folder=${encodeURIComponent(path.resolve(opts.folder))}`)
    : 'ew=true';
  const urlOf = (phase) => {
    const payload = [...opts.dev.map((d) => ['extensionDevelopmentPath', remote(d)]), ['extensionTestsPath', remote(opts.tests)]];
    const env = { ...JSON.parse(process.env.MCP_DEVTOOLS_EXT_ENV || '{}'), ...(opts.phases > 1 && { MCP_DEVTOOLS_RELOAD_PHASE: String(phase) }) };
    if (Object.keys(env).length) payload.push(['extensionEnvironment', JSON.stringify(env)]);
    return `${server.url}/?${where}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  };

  browser = await launchBrowser();
  let started = false; let early = [];
  let resolveDone; let done;
  const armDone = () => { done = new Promise((r) => { resolveDone = r; }); };
  armDone();
  await browser.page.exposeFunction('codeAutomationExit', (c) => resolveDone(c));
  await browser.page.exposeFunction('codeAutomationLog', (level, args) => {
    const text = format(...(Array.isArray(args) ? args : [args]));
    if (text.startsWith(KEYS)) {
      const { type, done, quickInput } = JSON.parse(text.slice(KEYS.length));
      const page = browser.page;
      void (async () => {
        if (quickInput) await page.locator('.quick-input-widget .quick-input-title', { hasText: quickInput }).first().waitFor({ timeout: 30000 });
        await page.keyboard.type(type, { delay: 20 });
      })().catch((e) => console.error(`code-shim: could not type: ${e.message}`)).finally(() => writeFileSync(done, 'typed'));
      return;
    }
    if (text.includes(MARKER)) { started = true; return; }
    const line = (level === 'error' || level === 'warn' ? `[${level}] ` : '') + text;
    if (!started && !process.env.VERBOSE) { early.push(line); return; }
    if (!process.env.VERBOSE && NOISE.test(text)) return;
    (level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(line + '\n');
  });
  for (let phase = 1; phase <= opts.phases; phase++) {
    if (phase > 1) {
      console.log(`\ncode-shim: reloading the window (phase ${phase} of ${opts.phases})`);
      started = false;
      early = [];
      armDone();
    }
    await browser.page.goto(urlOf(phase), { waitUntil: 'domcontentloaded', timeout: 60000 });
    const res = await Promise.race([done, new Promise((r) => setTimeout(r, TIMEOUT_MS, 'timeout'))]);
    if (res === 'timeout') {
      console.error(`code-shim: the extension tests did not finish within ${TIMEOUT_MS} ms`);
      code = 2;
    } else code = Number(res);
    if (code !== 0 && !started) for (const l of early.slice(-80)) process.stderr.write(l + '\n');
    if (code !== 0) break;
  }
} catch (e) {
  console.error(`code-shim: ${e.message}`);
  code = 3;
} finally {
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(code);
