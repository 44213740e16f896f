/**
 * The CLI's help is generated from the verbs' declarations: every declared option and positional
 * appears in `mcp-devtools <verb> --help` and in the usage a usage error prints, every verb in
 * `mcp-devtools --help` and in the README's CLI block. `main` runs in-process with a fake Io.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { COMMANDS } from '../../../src/cli/commands';
import type { Io } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';
import { ROOT } from '../connection/helpers';

async function run(args: string[]): Promise<{ status: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (s) => (out += s + '\n'), err: (s) => (err += s + '\n'), cwd: ROOT, env: {} };
  const status = await main(args, io);
  return { status, out, err };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('cli: help generated from the declarations', () => {
  it('--help lists every verb with its summary; help <verb> is that verb\'s help', async () => {
    const r = await run(['--help']);
    assert.equal(r.status, 0);
    for (const c of COMMANDS) assert.match(r.out, new RegExp(`^ {2}${c.name} +${escape(c.summary)}$`, 'm'), c.name);
    assert.match(r.out, /^ {2}-h, --help +show this help/m);
    assert.match(r.out, /^ {2}-v, --version +print the version$/m);
    assert.match(r.out, /^exit codes: 0 success; 1 errors found; 2 usage or I\/O error$/m);
    assert.equal((await run(['help', 'call'])).out, (await run(['call', '--help'])).out);
  });

  for (const c of COMMANDS) {
    it(`${c.name} --help shows every declared argument and option, with its help`, async () => {
      for (const flag of ['--help', '-h']) {
        const r = await run([c.name, flag]);
        assert.equal(r.status, 0, r.err);
        assert.equal(r.err, '');
        assert.match(r.out, new RegExp(`^usage: mcp-devtools ${c.name} `));
        for (const p of c.positionals) assert.match(r.out, new RegExp(`^ {2}<${p.name}>…? +${escape(p.help)}$`, 'm'), p.name);
        for (const [name, o] of Object.entries(c.options)) {
          const flagText = `${o.short ? `-${o.short}, ` : ' {4}'}--${name}${o.type === 'string' ? ' \\S+' : ''}`;
          assert.match(r.out, new RegExp(`^ {2}${flagText} +${escape(o.help)}`, 'm'), `--${name}`);
          if (o.default !== undefined) assert.match(r.out, new RegExp(`--${name} .*\\(default: ${escape(o.default)}`), `--${name} default`);
        }
        assert.match(r.out, /^ {2}-h, --help +show this help$/m);
        assert.match(r.out, new RegExp(`^exit codes: 0 success; 1 ${escape(c.failure)}; 2 usage or I/O error$`, 'm'));
      }
    });

    it(`${c.name}: a usage error prints the generated usage, which names every option (exit 2)`, async () => {
      const r = await run([c.name, '--no-such-option']);
      assert.equal(r.status, 2);
      assert.match(r.err, new RegExp(`^mcp-devtools ${c.name}: Unknown option '--no-such-option'`));
      const usage = /^usage: (.*)$/m.exec(r.err)?.[1] ?? '';
      assert.ok(usage.startsWith(`mcp-devtools ${c.name}`), r.err);
      for (const name of Object.keys(c.options)) assert.ok(usage.includes(`[--${name}`), `--${name} in ${usage}`);
      for (const p of c.positionals) assert.ok(usage.includes(`<${p.name}>`), `<${p.name}> in ${usage}`);
    });
  }

  it('missing and extra positionals are usage errors that name them', async () => {
    const missing = await run(['call', 'everything']);
    assert.equal(missing.status, 2);
    assert.match(missing.err, /^mcp-devtools call: needs <tool>\nusage: mcp-devtools call <server> <tool> /);
    assert.match((await run(['prompt'])).err, /^mcp-devtools prompt: needs <server> and <name>$/m);
    const extra = await run(['describe', 'a', 'b', 'c']);
    assert.equal(extra.status, 2);
    assert.match(extra.err, /^mcp-devtools describe: unexpected argument "c"$/m);
  });

  it('a value outside an option\'s choices, and a --timeout that is not a positive number of seconds, are usage errors', async () => {
    const format = await run(['lint', '--format=xml']);
    assert.equal(format.status, 2);
    assert.match(format.err, /--format must be stylish, json or sarif, not "xml"/);
    for (const verb of ['list', 'read a b', 'describe a', 'call a b', 'prompt a b']) {
      const r = await run([...verb.split(' '), '--timeout', 'soon']);
      assert.equal(r.status, 2, verb);
      assert.match(r.err, /--timeout needs a positive number of seconds, not "soon"/, verb);
    }
  });

  it('the README\'s CLI block names every verb', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const section = /^## CLI\n([\s\S]*?)^## /m.exec(readme)?.[1] ?? '';
    const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    assert.ok(block, 'README.md has a ```sh block under ## CLI');
    for (const c of COMMANDS) assert.match(block, new RegExp(`^npx mcp-devtools ${c.name}\\b`, 'm'), c.name);
    assert.match(block, /^npx mcp-devtools <command> --help/m);
  });
});
