// `prepare` (npm runs it after `npm install` and `npm ci` in this folder): build dist/, so a fresh clone
// has a runnable CLI without `npm start` or `npm run build`, and link the CLI into node_modules/.bin.
// npm links the bins of dependencies there but never the project's own; `npx mcp-devtools` finds the
// project's bin anyway, but `./node_modules/.bin/mcp-devtools` and tools that look only in .bin do not.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const build = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const binDir = path.join(root, 'node_modules', '.bin');
const link = path.join(binDir, 'mcp-devtools');
mkdirSync(binDir, { recursive: true });
rmSync(link, { force: true });
symlinkSync(path.relative(binDir, path.join(root, 'dist', 'cli.js')), link);
