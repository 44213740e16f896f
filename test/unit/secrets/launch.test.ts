import * as assert from 'node:assert/strict';
import { credentialArgValues, redactArgs, REDACTED, redactUrl, urlSecrets } from '../../../src/core/secrets';
import { hasControls, neutraliseControls } from '../../../src/core/controlChars';
import { transportSummary, type Transport } from '../../../src/core/config/model';

const R = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 }, offset: 0, length: 0 };

describe('secrets: command lines and URLs (issue 10, defect 2)', () => {
  it('redacts values of credential-named options, token-shaped arguments, and keeps references and ordinary options', () => {
    const args = ['-y', 'server', '--token', 'abc123def456', '--api-key=k3y-v4lue', '-password', 'hunter2hunter2', '--token-file', '/run/secrets/t', '--auth-type', 'oauth', 'ghp_abcdefghijklmnopqrstuvwxyz0123', '--token', '${input:gh}', '--key=$KEY', '--port', '3000', '--token', '--verbose'];
    assert.deepEqual(redactArgs(args), ['-y', 'server', '--token', REDACTED, `--api-key=${REDACTED}`, '-password', REDACTED, '--token-file', '/run/secrets/t', '--auth-type', 'oauth', REDACTED, '--token', '${input:gh}', '--key=$KEY', '--port', '3000', '--token', '--verbose']);
    assert.deepEqual(credentialArgValues(args), ['abc123def456', 'k3y-v4lue', 'hunter2hunter2']);
  });

  it('URLs: the password, a bare http(s) user name, credential query values; raw and decoded', () => {
    assert.deepEqual(urlSecrets('https://alice:p%40ss@h.example/mcp?api_key=Q1&page=2&sig=S2'), ['p%40ss', 'Q1', 'S2', 'p@ss']);
    assert.deepEqual(urlSecrets('https://tok3nAsUser@h.example/'), ['tok3nAsUser']);
    assert.deepEqual(urlSecrets('ssh://git@h.example/'), []);
    assert.deepEqual(urlSecrets('not a url'), []);
    assert.equal(redactUrl('https://alice:pw123@h.example/mcp?api_key=Q1&page=2'), `https://alice:${REDACTED}@h.example/mcp?api_key=${REDACTED}&page=2`);
    assert.equal(redactUrl('https://tok3nAsUser@h.example/'), `https://${REDACTED}@h.example/`);
    assert.equal(redactUrl('https://$GH_USER@h.example/'), 'https://$GH_USER@h.example/');
    assert.equal(redactUrl('https://${input:user}:${input:pw}@h.example/'), 'https://${input:user}:${input:pw}@h.example/');
    assert.equal(redactUrl('https://alice:a@b:c@h.example/'), `https://alice:${REDACTED}@h.example/`);
  });

  it('transportSummary applies the policy: what servers, list, the tree and the trust dialog show', () => {
    const at = <T>(value: T) => ({ value, range: R });
    const stdio: Transport = { kind: 'stdio', command: at('npx'), args: ['-y', 'srv', '--token', 'abc123def456', 'ghp_abcdefghijklmnopqrstuvwxyz0123'].map(at), env: { K: at('v') } };
    assert.equal(transportSummary(stdio), `npx -y srv --token ${REDACTED} ${REDACTED}`);
    const http: Transport = { kind: 'http', url: at('https://u:pw12345@h.example/mcp?token=T0K3N'), headers: {} };
    assert.equal(transportSummary(http), `https://u:${REDACTED}@h.example/mcp?token=${REDACTED}`);
  });
});

describe('control characters (issue 10, defect 3)', () => {
  it('C0 (but newline and tab), DEL and C1 become \\u escapes; CR LF is a newline', () => {
    const hostile = 'a\u001b[2J\u001b]0;t\u0007\u001b]52;c;eA==\u0007\u009b2J\u007f\rb\r\nc\td\n';
    const safe = neutraliseControls(hostile);
    assert.equal(safe, 'a\\u001b[2J\\u001b]0;t\\u0007\\u001b]52;c;eA==\\u0007\\u009b2J\\u007f\\u000db\nc\td\n');
    assert.ok(hasControls(hostile) && !hasControls(safe));
    assert.equal(neutraliseControls('plain é ü 日本 😀\ttab'), 'plain é ü 日本 😀\ttab');
  });

  it('bidi embeddings, overrides and isolates become \\u escapes (Trojan Source); the RTL marks and RTL text pass', () => {
    const hostile = 'admin\u202e\u2066txt.exe\u2069\u202a\u202b\u202c\u202d\u2067\u2068';
    assert.equal(neutraliseControls(hostile), 'admin\\u202e\\u2066txt.exe\\u2069\\u202a\\u202b\\u202c\\u202d\\u2067\\u2068');
    assert.equal(neutraliseControls('שלום \u200f عربي \u200e'), 'שלום \u200f عربي \u200e');
  });

  it('JSON stays valid JSON and keeps the data', () => {
    const value = { s: 'x\u009by\u001bz\u007f\u202e' };
    const out = neutraliseControls(JSON.stringify(value, null, 2));
    assert.ok(!hasControls(out.replace(/\n/g, '')));
    assert.deepEqual(JSON.parse(out), value);
  });
});
