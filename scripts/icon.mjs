// Renders media/icon.png (the marketplace icon, 128×128) from the activity-bar SVG in headless Chromium.
// Run after changing media/mcp.svg: node scripts/icon.mjs
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { launchBrowser } from '../test/harness/browser.mjs';
const svg = readFileSync(new URL('../media/mcp.svg', import.meta.url), 'utf8').replace(/currentColor/g, '#ffffff');
const b = await launchBrowser({ viewport: { width: 128, height: 128 } });
await b.page.setContent(`<html><body style="margin:0;width:128px;height:128px;background:linear-gradient(135deg,#2b5876,#4e4376);display:flex;align-items:center;justify-content:center;border-radius:24px">
<div style="width:96px;height:96px">${svg.replace('width="24" height="24"', 'width="96" height="96"')}</div></body></html>`);
await b.page.screenshot({ path: fileURLToPath(new URL('../media/icon.png', import.meta.url)), omitBackground: true });
await b.close();
