import * as assert from 'node:assert/strict';
import { detectSecret, findToken, isCredentialName, isCredentialQueryParam, redactCredentials, REDACTED, Redactor, secretHint } from '../../../src/core/secrets';

describe('secrets: one vocabulary', () => {
  it('credential names: headers, env variables, arguments', () => {
    for (const n of ['Authorization', 'X-Api-Key', 'api_key', 'apiKey', 'GITHUB_TOKEN', 'DB_PASSWORD', 'passwd', 'PGPASSWORD', 'client_secret', 'Cookie', 'session', 'KEY', 'X-KEY', 'db_pass', 'AWS_ACCESS_KEY_ID', 'private-key', 'credentials', 'bearer', 'passphrase']) {
      assert.ok(isCredentialName(n), n);
    }
    for (const n of ['query', 'keyword', 'monkey', 'passthrough', 'compass', 'Accept', 'Content-Type', 'PATH', 'HOME', 'count', 'keys']) {
      assert.ok(!isCredentialName(n), n);
    }
  });

  it('credential query parameters: credential names, and any name with key or sig', () => {
    for (const n of ['api_key', 'apikey', 'subscription-key', 'token', 'access_token', 'sig', 'X-Amz-Signature', 'auth', 'password']) assert.ok(isCredentialQueryParam(n), n);
    for (const n of ['page', 'q', 'limit', 'format']) assert.ok(!isCredentialQueryParam(n), n);
  });

  it('token shapes: one list, one minimum length each', () => {
    const cases: [string, RegExp][] = [
      ['sk-proj-abcdefghijklmnopqrstuvwx', /sk-/],
      ['sk-ant-api03-abcdefghijklmnopqrst', /sk-/],
      ['ghp_abcdefghijklmnopqrstuvwxyz0123', /GitHub token/],
      ['github_pat_11ABCDEFG0abcdefghijklmn', /fine-grained/],
      ['xoxb-1234567890-abcdef', /Slack/],
      ['AKIAABCDEFGHIJKLMNOP', /AWS/],
      ['AIzaSyA1234567890abcdefghijklmnopqrstu', /Google/],
      ['glpat-abcdefghijklmnopqrst', /GitLab/],
      ['Bearer abcdefgh12345', /authorization credential/],
      ['Token abcdefgh12345', /authorization credential/],
    ];
    for (const [text, kind] of cases) assert.match(findToken(`x ${text} y`)?.kind ?? 'none', kind, text);
    // too short, or a reference / placeholder rather than a credential
    for (const text of ['sk-short', 'ghp_short', 'Bearer ${input:token}', 'Bearer <token>', 'Bearer $TOKEN', 'a token for users']) assert.equal(findToken(text), undefined, text);
    // the range of "Bearer x" is the credential alone
    const hit = findToken('Bearer abcdefgh12345')!;
    assert.equal('Bearer abcdefgh12345'.slice(hit.index, hit.index + hit.length), 'abcdefgh12345');
  });

  it('redacts token shapes, authorization credentials, URL userinfo and credential query parameters with one marker', () => {
    const text = 'run --key ghp_abcdefghijklmnopqrstuvwxyz0123 -H "Authorization: Bearer abcdefghijkl" https://me:pw@host/x?api_key=zzz&page=2&sig=s1g&X-Amz-Signature=abc';
    const out = redactCredentials(text);
    assert.equal(out, `run --key ${REDACTED} -H "Authorization: Bearer ${REDACTED}" https://me:${REDACTED}@host/x?api_key=${REDACTED}&page=2&sig=${REDACTED}&X-Amz-Signature=${REDACTED}`);
    assert.equal(redactCredentials(out), out, 'redacting twice changes nothing');
    assert.equal(redactCredentials('a token for you; keyword=weather'), 'a token for you; keyword=weather');
  });

  it('the marker is plain ASCII, and the linter does not take it for a secret', () => {
    assert.equal(REDACTED, '<redacted>');
    assert.equal(detectSecret('API_TOKEN', REDACTED), undefined);
    assert.equal(detectSecret('Authorization', `Bearer ${REDACTED}`), undefined);
  });

  it('a Redactor hides its exact secrets (longest first) and credential-named headers whole', () => {
    const r = new Redactor(['s3cr3t-value', 's3cr3t', 'ab']);
    assert.equal(r.size, 2, 'secrets shorter than 4 characters are ignored');
    assert.equal(r.redact('got s3cr3t-value and s3cr3t'), `got ${REDACTED} and ${REDACTED}`);
    assert.deepEqual(r.redactHeaders({ 'X-Api-Key': 'k', Accept: 'application/json', Link: 'https://u:p@h/' }), { 'X-Api-Key': REDACTED, Accept: 'application/json', Link: `https://u:${REDACTED}@h/` });
  });

  it('detects hard-coded secrets: token shapes anywhere, high-entropy values under credential names', () => {
    assert.match(detectSecret(undefined, 'ghp_abcdefghijklmnopqrstuvwxyz0123')?.kind ?? '', /GitHub/);
    assert.match(detectSecret('DB_PASSWORD', 'h7Gk2Lq9Xw4Zp8Vn')?.kind ?? '', /under "DB_PASSWORD"/);
    for (const [name, value] of [['DB_PASSWORD', 'your-password-here'], ['TOKEN_FILE', 'h7Gk2Lq9Xw4Zp8Vn'], ['GREETING', 'h7Gk2Lq9Xw4Zp8Vn'], ['TOKEN', '${env:TOKEN}'], ['TOKEN', 'short']]) {
      assert.equal(detectSecret(name, value), undefined, `${name}=${value}`);
    }
  });

  it('a hint for the author: the first 4 characters and the length', () => {
    assert.equal(secretHint('ghp_abcdefghijklmnopqrstuvwxyz0123'), 'ghp_… (34 characters)');
    assert.equal(secretHint('short'), '****');
  });
});
