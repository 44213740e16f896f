// End-to-end: package the extension as a .vsix with vsce, install it into a real VS Code (code-server),
// open the demo workspace in headless Chromium, open the MCP view from the activity bar, check the
// demo's servers, run an "MCP:" command from the command palette, and save screenshots to
// test/e2e/screenshots/ (gitignored). Prints `N passed, N failed` over its checks; exits 1 on failure.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../harness/browser.mjs';
import { installVsix, startCodeServer } from '../harness/codeServer.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shots = path.join(root, 'test/e2e/screenshots');
const demo = path.join(root, 'demo');
const DEMO_SERVERS = ['everything', 'filesystem', 'memory'];
mkdirSync(shots, { recursive: true });

const results = [];
async function check(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`  ✔ ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    results.push({ name, ok: false });
    console.log(`  ✖ ${name}: ${e.message.split('\n')[0]}`);
    throw e;
  }
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'mcp-devtools-e2e-'));
let server; let browser; let page;
console.log('e2e: the packaged extension in a real VS Code workbench');
try {
  const vsix = path.join(dataDir, 'mcp-devtools.vsix');
  await check('packages the extension with vsce', async () => {
    execFileSync(process.execPath, [path.join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--out', vsix], { cwd: root, stdio: 'pipe', timeout: 120000 });
  });
  await check('installs the .vsix into code-server', async () => {
    const out = await installVsix(vsix, path.join(dataDir, 'extensions'), dataDir);
    if (!/successfully installed/i.test(out)) throw new Error(out);
  });
  server = await startCodeServer({ dataDir });
  browser = await launchBrowser();
  page = browser.page;
  await check('opens the demo workspace in the workbench', async () => {
    await page.goto(`${server.url}/?folder=${encodeURIComponent(demo)}`, { waitUntil: 'domcontentloaded', timeout: 60000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
  });
  await check('the MCP activity-bar entry opens the Servers view with the demo servers', async () => {
    const entry = page.locator('.activitybar [aria-label="MCP"], .activitybar [aria-label^="MCP ("]').first();
    await entry.waitFor({ timeout: 60000 });
    await entry.click();
    const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /servers/i }) });
    for (const name of DEMO_SERVERS) await view.locator('.monaco-list-row', { hasText: name }).first().waitFor({ timeout: 30000 });
    await view.locator('.monaco-list-row', { hasText: '.vscode/mcp.json' }).first().waitFor({ timeout: 5000 });
  });
  await check('autostart asks once to trust the workspace servers, showing what they run', async () => {
    const dialog = page.locator('.monaco-dialog-box', { hasText: 'Start 3 MCP servers' });
    await dialog.waitFor({ timeout: 30000 });
    await dialog.getByText('server-everything/dist/index.js').first().waitFor({ timeout: 5000 });
    await page.screenshot({ path: path.join(shots, 'trust-dialog.png') });
    await dialog.locator('.monaco-button', { hasText: 'Trust and Start All' }).click();
  });
  await check('the servers run and the tree shows their tools, resources, templates and prompts', async () => {
    const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /servers/i }) });
    await view.locator('.monaco-list-row', { hasText: /everything.*running/ }).first().waitFor({ timeout: 60000 });
    for (const group of ['Tools (', 'Resources (', 'Resource Templates (', 'Prompts (']) await view.locator('.monaco-list-row', { hasText: group }).first().waitFor({ timeout: 30000 });
    await view.locator('.monaco-list-row', { hasText: /memory.*running/ }).first().waitFor({ timeout: 60000 });
    // collapse the other servers' groups are collapsed already; expand everything's tools
    await view.locator('.monaco-list-row', { hasText: 'Tools (' }).first().click();
    await view.locator('.monaco-list-row', { hasText: 'Echo' }).first().waitFor({ timeout: 15000 });
    await page.waitForTimeout(800);
    await page.screenshot({ path: path.join(shots, 'servers-view.png') });
  });
  await check('runs "MCP: Open Config File…" from the command palette', async () => {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 30000 });
    await input.fill('>MCP: Open Config File');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'MCP: Open Config File' }).first().waitFor({ timeout: 30000 });
    await page.keyboard.press('Enter');
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: '.vscode/mcp.json' }).first();
    await row.waitFor({ timeout: 30000 });
    await row.click();
    await page.locator('.tabs-container .tab', { hasText: 'mcp.json' }).first().waitFor({ timeout: 30000 });
    await page.locator('.monaco-editor .view-lines', { hasText: 'server-everything' }).first().waitFor({ timeout: 30000 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(shots, 'command-palette.png') });
  });
  await check('calls echo from the command palette and shows the result', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 30000 });
    await input.fill('>MCP: Call Tool');
    // type a filter, wait until the first row is the one wanted, accept it (clicking races the list's re-render)
    const choose = async (filter, expect, title) => {
      if (title) await page.locator('.quick-input-widget .quick-input-title', { hasText: title }).first().waitFor({ timeout: 15000 });
      await input.fill(filter);
      await page.locator('.quick-input-list .monaco-list-row').first().filter({ hasText: expect }).waitFor({ timeout: 15000 });
      await page.keyboard.press('Enter');
    };
    await choose('>MCP: Call Tool', 'MCP: Call Tool…');
    await choose('everything', 'everything', 'MCP: Call Tool');
    await choose('echo', 'Echo Tool', 'everything');
    await page.locator('.quick-input-widget', { hasText: 'message' }).first().waitFor({ timeout: 15000 });
    await input.fill('Hello from the end-to-end test');
    await page.keyboard.press('Enter');
    const view = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
    await view.getByText('Echo: Hello from the end-to-end test').first().waitFor({ timeout: 30000 });
    await page.waitForTimeout(800);
    await page.screenshot({ path: path.join(shots, 'tool-result.png') });
  });
  await check('a click on the History entry shows its stored result in the same view', async () => {
    const history = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /history/i }) });
    await history.locator('.monaco-list-row', { hasText: 'everything · echo' }).first().click();
    const view = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
    await view.getByText('From the History').first().waitFor({ timeout: 30000 });
    await view.getByText('Echo: Hello from the end-to-end test').first().waitFor({ timeout: 5000 });
    const tabs = await page.locator('.tabs-container .tab', { hasText: 'Echo Tool · everything' }).count();
    if (tabs !== 1) throw new Error(`${tabs} result tabs for echo`);
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(shots, 'history-result.png') });
  });
  // issue 12: the form view (a separate block, to merge beside the Protocol view's)
  await check('fills memory\'s create_entities in the form view: the whole form on one screen', async () => {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 30000 });
    const choose = async (filter, expect, title) => {
      if (title) await page.locator('.quick-input-widget .quick-input-title', { hasText: title }).first().waitFor({ timeout: 15000 });
      await input.fill(filter);
      await page.locator('.quick-input-list .monaco-list-row').first().filter({ hasText: expect }).waitFor({ timeout: 15000 });
      await page.keyboard.press('Enter');
    };
    await choose('>View: Close All Editors', 'Close All Editors');
    await page.keyboard.press('F1');
    await choose('>MCP: Call Tool', 'MCP: Call Tool…');
    await choose('memory', 'memory', 'MCP: Call Tool');
    await choose('create_entities', 'create_entities', 'memory');
    // an array of objects: "auto" opens the form view
    const form = page.frameLocator('iframe.webview').last().frameLocator('iframe#active-frame');
    await form.getByText('Use Input Boxes').first().waitFor({ timeout: 30000 });
    for (const e of [0, 1]) {
      await form.locator('vscode-button', { hasText: 'Add item to entities' }).click();
      const entity = form.locator('ol.items > li').filter({ has: form.locator('legend') }).nth(e);
      const fields = entity.locator('vscode-textfield');
      await fields.nth(0).locator('input').fill(e ? 'Grace Hopper' : 'Ada Lovelace');
      await fields.nth(1).locator('input').fill('person');
      for (const o of [0, 1, 2]) {
        await entity.locator('vscode-button', { hasText: 'Add item to observations' }).click();
        const observations = e ? ['computer scientist', 'wrote the first compiler', 'born 1906'] : ['mathematician', 'wrote the first program', 'born 1815'];
        await entity.locator('vscode-textfield').nth(2 + o).locator('input').fill(observations[o]);
      }
    }
    // the top of the form: the first entity whole, the second below it
    await form.locator('html').evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(800);
    await page.screenshot({ path: path.join(shots, 'form-view.png') });
    await page.keyboard.press(process.platform === 'darwin' ? 'Meta+Enter' : 'Control+Enter');
    // the call ran: its result view (demo/memory.jsonl may hold the entities already: then none is new)
    const result = page.frameLocator('iframe.webview').last().frameLocator('iframe#active-frame');
    await result.getByText('tools/call create_entities').first().waitFor({ timeout: 30000 });
  });
  // The Protocol view (issue 12 item 6): its own block, so it merges with other views' screenshots.
  await check('"MCP: Show Protocol" lists everything\'s JSON-RPC messages; a tools/call expands to its JSON', async () => {
    await page.keyboard.press('Escape');
    const input = page.locator('.quick-input-widget input');
    const palette = async (command) => {
      await page.keyboard.press('F1');
      await input.waitFor({ timeout: 30000 });
      await input.fill(`>${command}`);
      await page.locator('.quick-input-list .monaco-list-row').first().filter({ hasText: command }).waitFor({ timeout: 15000 });
      await page.keyboard.press('Enter');
    };
    // the whole editor area for the view (the result view and mcp.json were open)
    await palette('View: Close All Editors');
    await page.keyboard.press('F1');
    await input.waitFor({ timeout: 30000 });
    await input.fill('>MCP: Show Protocol');
    await page.locator('.quick-input-list .monaco-list-row').first().filter({ hasText: 'MCP: Show Protocol' }).waitFor({ timeout: 15000 });
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'MCP: Show Protocol' }).first().waitFor({ timeout: 15000 });
    await input.fill('everything');
    await page.locator('.quick-input-list .monaco-list-row').first().filter({ hasText: 'everything' }).waitFor({ timeout: 15000 });
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab', { hasText: 'Protocol · everything' }).first().waitFor({ timeout: 30000 });
    // the page is the webview frame that has the message list
    let view;
    for (let i = 0; i < 100 && !view; i++) {
      for (const f of page.frames()) if (await f.locator('#list .row').count().catch(() => 0)) view = f;
      if (!view) await page.waitForTimeout(200);
    }
    if (!view) throw new Error('no Protocol view page with rows');
    const call = view.locator('#list .row', { hasText: 'tools/call' }).filter({ hasText: 'request' }).first();
    await call.waitFor({ timeout: 15000 });
    await call.locator('.sum').click();
    await view.locator('.detail pre', { hasText: '"name": "echo"' }).first().waitFor({ timeout: 15000 });
    await page.waitForTimeout(800);
    await page.screenshot({ path: path.join(shots, 'protocol-view.png') });
  });
} catch (e) {
  if (page) await page.screenshot({ path: path.join(shots, 'failure.png') }).catch(() => {});
  console.error(`e2e failed: ${e.message}\n(screenshot: ${path.join(shots, 'failure.png')}; code-server log: ${server?.logFile})`);
} finally {
  await browser?.close();
  await server?.stop();
  if (results.every((r) => r.ok)) rmSync(dataDir, { recursive: true, force: true });
}
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(`RESULT: ${passed} passed, ${failed} failed`);
process.exit(failed || !results.length ? 1 : 0);
