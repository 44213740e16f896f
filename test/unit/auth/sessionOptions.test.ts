/** `--elicit`, `--no-auth-flow`, `--no-browser`, `--verbose`: defaults by terminal, and what `--elicit` declares. */
import * as assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { clientCapabilities } from '../../../src/core/connection';
import type { ServerDefinition } from '../../../src/core/config/model';
import { requestHandlers } from '../../../src/cli/elicit';
import type { Io } from '../../../src/cli/io';
import { UsageError } from '../../../src/cli/io';
import { sessionFlags } from '../../../src/cli/sessionOptions';

const io = (terminal: boolean): Io => ({
  out: () => undefined, err: () => undefined, cwd: '/', env: {},
  terminal: terminal ? { input: new PassThrough() as unknown as NodeJS.ReadStream, output: new PassThrough() as unknown as NodeJS.WriteStream } : undefined,
} as Io);
const server = { name: 's' } as ServerDefinition;

describe('CLI session options', () => {
  it('--elicit defaults to ask on a terminal and decline without; ask without a terminal is a usage error', () => {
    assert.equal(sessionFlags({}, io(true)).elicit, 'ask');
    assert.equal(sessionFlags({}, io(false)).elicit, 'decline');
    assert.throws(() => sessionFlags({ elicit: 'ask' }, io(false)), UsageError);
    assert.deepEqual(sessionFlags({ 'no-auth-flow': true, 'no-browser': true, verbose: true, elicit: 'defaults' }, io(false)), { noAuthFlow: true, noBrowser: true, verbose: true, elicit: 'defaults' });
  });

  it('--elicit=defaults declares elicitation with applyDefaults and accepts forms empty; decline declares none', async () => {
    const defaults = requestHandlers('defaults', io(false))!(server);
    assert.deepEqual(clientCapabilities(defaults).elicitation, { form: { applyDefaults: true }, url: {} });
    assert.deepEqual(await defaults.elicit!({ message: 'm', requestedSchema: { type: 'object', properties: {} } }, new AbortController().signal), { action: 'accept', content: {} });
    assert.deepEqual(await defaults.elicit!({ mode: 'url', message: 'm', url: 'https://x', elicitationId: 'e' }, new AbortController().signal), { action: 'decline' });
    assert.equal(requestHandlers('decline', io(false)), undefined);
    assert.equal(clientCapabilities(requestHandlers('decline', io(true))!(server)).elicitation, undefined);
  });
});
