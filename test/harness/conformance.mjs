// The official MCP client conformance suite (@modelcontextprotocol/conformance), installed into the
// runtime cache (see runtime.mjs) with npm running on the harness's Node 24. The suite needs Node ≥ 22
// while the project runs on Node 20, so it is not a devDependency: npm would print EBADENGINE on every
// `npm install` of the project. Cached by version; a warm check costs a file test.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { CACHE, ensureNode24, npmInstall, withLock } from './runtime.mjs';
import { cleanEnv, run } from './processes.mjs';

/** The suite version the project's figures are measured with (issue 11); exact, never a range. */
export const CONFORMANCE_VERSION = '0.1.16';
const PACKAGE = '@modelcontextprotocol/conformance';

const log = (s) => process.stderr.write(`[conformance] ${s}\n`);

/**
 * Installs @modelcontextprotocol/conformance@{@link CONFORMANCE_VERSION} into
 * `<cache>/conformance-<version>` once (npm on Node 24, the harness's clean environment). The `ok`
 * marker is written only after the install succeeded and the suite ran `--version` on Node 24, so an
 * install that was cut off is redone from scratch on the next call. Two callers at once wait on a lock.
 * @returns {Promise<{pkg: string, node: string}>} absolute paths: the installed package folder (with
 *   dist/index.js) and the Node 24 binary to run it with
 * @throws Error when npm fails (its log is in `<dir>/install.log`) or the installed suite does not run
 */
export async function ensureConformance() {
  const nodeHome = await ensureNode24();
  const node = path.join(nodeHome, 'bin', 'node');
  const dir = path.join(CACHE, `conformance-${CONFORMANCE_VERSION}`);
  const pkg = path.join(dir, 'node_modules', ...PACKAGE.split('/'));
  const stamp = path.join(dir, 'ok');
  if (existsSync(stamp)) return { pkg, node };
  await withLock(dir, async () => {
    if (existsSync(stamp)) return;
    const t0 = Date.now();
    log(`installing ${PACKAGE}@${CONFORMANCE_VERSION} into ${dir} (once)`);
    rmSync(path.join(dir, 'node_modules'), { recursive: true, force: true });
    // Node 24 first on PATH: npm runs on it, so the suite's `engines` (Node ≥ 22) is met
    const extraEnv = { PATH: `${path.join(nodeHome, 'bin')}:${cleanEnv().PATH}` };
    await npmInstall(dir, `${PACKAGE}@${CONFORMANCE_VERSION}`, { extraEnv });
    const installed = JSON.parse(readFileSync(path.join(pkg, 'package.json'), 'utf8')).version;
    if (installed !== CONFORMANCE_VERSION) throw new Error(`npm installed ${PACKAGE}@${installed} into ${dir}, expected ${CONFORMANCE_VERSION}: delete ${dir} and run again`);
    const { code, output } = await run(node, [path.join(pkg, 'dist', 'index.js'), 'list'], { extraEnv, timeoutMs: 60000 });
    if (code !== 0 || !output.includes('Client scenarios')) {
      throw new Error(`the installed suite does not run on ${node} (\`conformance list\` exit ${code}): ${output.slice(0, 500)}; delete ${dir} and run again`);
    }
    writeFileSync(stamp, `${PACKAGE}@${CONFORMANCE_VERSION} in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  });
  return { pkg, node };
}
