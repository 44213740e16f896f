// The test harness starts nested npm and node processes (the VS Code runtime's install, code-server).
// Under `npm test`/`npm start` the outer npm's variables describe Node 20 and must not reach them:
// code-server's postinstall read "node v20" from npm_config_user_agent and refused to install.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { ROOT } from '../connection/helpers';

/** Runs the harness's `run` (spawnGroup) from a node process whose env looks like an `npm test` one. */
function childEnvUnderNpm(extraEnv?: Record<string, string>): NodeJS.ProcessEnv {
  const script = `
    const { run } = await import(${JSON.stringify(path.join(ROOT, 'test/harness/processes.mjs'))});
    const { output } = await run(process.execPath, ['-p', 'JSON.stringify(process.env)'], { extraEnv: ${JSON.stringify(extraEnv ?? {})} });
    process.stdout.write(output);`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    env: {
      ...process.env,
      npm_config_user_agent: 'npm/11.0.0 node/v20.0.0 linux x64 workspaces/false',
      npm_config_nodedir: '/usr',
      npm_lifecycle_event: 'test',
      INIT_CWD: ROOT,
      PATH: `${path.join(ROOT, 'node_modules/.bin')}:/usr/lib/node_modules/npm/node_modules/@npmcli/run-script/lib/node-gyp-bin:${process.env.PATH}`,
    },
    encoding: 'utf8',
  });
  return JSON.parse(out) as NodeJS.ProcessEnv;
}

describe('harness: nested processes', () => {
  it('get no npm_* variables, INIT_CWD or npm-prepended PATH entries from an outer npm', () => {
    const env = childEnvUnderNpm();
    assert.deepEqual(Object.keys(env).filter((k) => /^npm_/i.test(k) || k === 'INIT_CWD'), []);
    assert.ok(!env.PATH?.includes('node-gyp-bin'), env.PATH);
    assert.ok(!env.PATH?.split(':').includes(path.join(ROOT, 'node_modules/.bin')), env.PATH);
    assert.ok(env.PATH?.includes('/usr/bin') || env.PATH?.includes('/bin'), 'the rest of PATH is kept');
  });

  it('still get the variables the harness passes explicitly', () => {
    const env = childEnvUnderNpm({ XDG_CONFIG_HOME: '/tmp/x', npm_config_nodedir: '/opt/node24' });
    assert.equal(env.XDG_CONFIG_HOME, '/tmp/x');
    assert.equal(env.npm_config_nodedir, '/opt/node24');
  });
});
