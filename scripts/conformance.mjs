#!/usr/bin/env node
// Runs the official MCP client conformance suite against the CLI (test/conformance/client.mjs)
// and prints passed/total checks and scenarios per group (core, backcompat, draft, extensions).
//
//   node scripts/conformance.mjs [--conformance <dir>] [--node <node ≥ 22>] [--suite <name>]… [--netns]
//
// --conformance  the installed @modelcontextprotocol/conformance package (default: installed once into
//                the test runtime cache by test/harness/conformance.mjs, 0.1.16, the version measured)
// --node         a Node ≥ 22 to run the suite with (default: the cache's Node 24 when the suite comes
//                from the cache, else this node; the CLI always runs on this node, as a user's would)
// --suite        core, backcompat, draft, extensions (default: all four)
// --netns        run inside a new network namespace with only loopback up (`unshare -n` as root,
//                `unshare -rn` otherwise; needs util-linux's unshare and iproute2's ip): the suite's
//                servers listen on every interface. The install happens before, outside it.
//
// Prints per group `checks passed/total (distinct …), scenarios good/count`, then one line
// `RESULT: N passed, M failed` over the required groups (core, backcompat, draft): checks that passed,
// and checks that failed or warned plus scenarios that did not run (test/run-all.mjs reads it).
// Exit code: 0 when every check of core, backcompat and draft passed; 1 otherwise; 2 when the suite,
// dist/cli.js or the network namespace is missing.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : undefined; };
const suites = args.flatMap((a, i) => (a === '--suite' ? [args[i + 1]] : []));
const GROUPS = suites.length ? suites : ['core', 'backcompat', 'draft', 'extensions'];
const REQUIRED = new Set(['core', 'backcompat', 'draft']);

if (args.includes('--netns') && !process.env.MCP_CONFORMANCE_NETNS) {
  let rest = args.filter((a) => a !== '--netns');
  if (!opt('conformance')) {
    // inside the namespace there is no network: install (or find) the suite first, out here
    const { ensureConformance } = await import('../test/harness/conformance.mjs');
    const { pkg, node } = await ensureConformance();
    rest = ['--conformance', pkg, ...(opt('node') ? [] : ['--node', node]), ...rest];
  }
  const unshare = [...(process.getuid?.() === 0 ? [] : ['-r']), '-n'];
  // A probe first, so a machine that cannot make a namespace fails with the reason, not a bare exit code.
  const probe = spawnSync('unshare', [...unshare, 'sh', '-c', 'ip link set lo up'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    const why = probe.error?.code === 'ENOENT' ? 'unshare is not installed (Debian: apt-get install util-linux)'
      : `\`unshare ${unshare.join(' ')} sh -c 'ip link set lo up'\` failed (exit ${probe.status}): ${(probe.stderr || probe.error?.message || '').trim()}`;
    console.error(`conformance: FAILED: cannot run the suite in a network namespace: ${why}. ` +
      '--netns needs util-linux\'s unshare and iproute2\'s ip (apt-get install util-linux iproute2), and root or unprivileged user namespaces; ' +
      'without --netns the suite\'s servers listen on every interface.');
    process.exit(2);
  }
  const script = `ip link set lo up && exec "${process.execPath}" "${fileURLToPath(import.meta.url)}" ${rest.map((a) => JSON.stringify(a)).join(' ')}`;
  const r = spawnSync('unshare', [...unshare, 'sh', '-c', script], { stdio: 'inherit', env: { ...process.env, MCP_CONFORMANCE_NETNS: '1' } });
  process.exit(r.status ?? 1);
}

let installed;
if (!opt('conformance') && !existsSync(join(root, 'node_modules/@modelcontextprotocol/conformance/dist/index.js'))) {
  const { ensureConformance } = await import('../test/harness/conformance.mjs');
  installed = await ensureConformance();
}
const pkg = resolve(opt('conformance') ?? installed?.pkg ?? join(root, 'node_modules/@modelcontextprotocol/conformance'));
const runner = join(pkg, 'dist/index.js');
if (!existsSync(runner)) {
  console.error(`conformance: ${runner} not found; leave out --conformance to install @modelcontextprotocol/conformance@0.1.16 into the test cache, or pass the folder of an installed copy`);
  process.exit(2);
}
if (!existsSync(join(root, 'dist/cli.js'))) {
  console.error('conformance: dist/cli.js not found; run `node scripts/build.mjs` first');
  process.exit(2);
}
const node = opt('node') ?? installed?.node ?? process.execPath;
const command = `"${process.execPath}" "${join(root, 'test/conformance/client.mjs')}"`;

function run(argv) {
  return new Promise((done) => {
    const child = spawn(node, [runner, ...argv], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', () => done(out));
  });
}

/** The suite's groups, from the spec versions `list` prints: extension, draft, 2025-03-26 alone (backcompat), else core. */
function groupOf(versions) {
  if (versions.includes('extension')) return 'extensions';
  if (versions.includes('draft')) return 'draft';
  return versions.every((v) => v === '2025-03-26') ? 'backcompat' : 'core';
}

// One scenario at a time (the suite's --suite runs them all at once, and its SSE retry timing
// checks then measure the machine's load, not the client).
const listed = (await run(['list'])).split('Client scenarios')[1] ?? '';
const scenarios = [...listed.matchAll(/^\s+- (\S+) \[([^\]]*)\]/gm)].map(([, name, v]) => ({ name, group: groupOf(v.split(',')) }));
let ok = true;
let requiredPassed = 0, requiredFailed = 0;
const rows = [];
for (const group of GROUPS) {
  let passed = 0, total = 0, good = 0, count = 0, notRun = 0, distinctPassed = 0, distinctTotal = 0;
  for (const { name } of scenarios.filter((s) => s.group === group)) {
    count++;
    const dir = mkdtempSync(join(tmpdir(), 'mcp-conformance-results-'));
    const out = await run(['client', '--command', command, '--scenario', name, '--timeout', '60000', '-o', dir]);
    // Counted as the suite's own summary counts: SUCCESS, FAILURE and WARNING checks (INFO left out).
    const file = readdirSync(dir, { recursive: true }).find((f) => String(f).endsWith('checks.json'));
    const checks = file ? JSON.parse(readFileSync(join(dir, String(file)), 'utf8')) : [];
    rmSync(dir, { recursive: true, force: true });
    const by = (status) => checks.filter((c) => c.status === status).length;
    const [p, f, w] = [by('SUCCESS'), by('FAILURE'), by('WARNING')];
    // Some checks are logged once per request (a bearer token seen, a request logged), so their
    // number depends on how many requests a client makes; distinct ids compare clients fairly.
    const ids = new Map();
    for (const c of checks.filter((c) => c.status !== 'INFO')) ids.set(c.id, (ids.get(c.id) ?? true) && c.status === 'SUCCESS');
    distinctPassed += [...ids.values()].filter(Boolean).length;
    distinctTotal += ids.size;
    if (!checks.length) {
      notRun++;
      console.log(`  ${group}: ${name}: did not run\n${out.slice(-2000)}`);
      continue;
    }
    passed += p;
    total += p + f + w;
    if (!f && !w) good++;
    else console.log(`  ${group}: ${name}: ${p}/${p + f + w} passed, ${f} failed, ${w} warnings`);
  }
  rows.push(`${group.padEnd(11)} checks ${passed}/${total} (distinct ${distinctPassed}/${distinctTotal}), scenarios ${good}/${count}${notRun ? ` (${notRun} did not run)` : ''}${REQUIRED.has(group) ? '' : ' (reported, not required)'}`);
  if (!REQUIRED.has(group)) continue;
  if (passed !== total || good !== count || !count) ok = false;
  requiredPassed += passed;
  // a group the suite no longer lists counts as one failure, so a renamed group cannot pass silently
  requiredFailed += total - passed + notRun + (count ? 0 : 1);
}
console.log(rows.join('\n'));
console.log(`RESULT: ${requiredPassed} passed, ${requiredFailed} failed (checks of ${GROUPS.filter((g) => REQUIRED.has(g)).join(', ') || 'no required group'})`);
process.exitCode = ok ? 0 : 1;
