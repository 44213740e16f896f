#!/usr/bin/env node
// A "browser" for tests: GETs the URL given as its last argument and follows the redirects, as a
// person who consents at once would (the conformance suite's and the test fixtures' authorization
// servers approve without a page). It never prints what it fetched.
const url = process.argv.at(-1);
try {
  const res = await fetch(url, { redirect: 'follow' });
  await res.arrayBuffer();
} catch (e) {
  process.stderr.write(`test browser: ${e.cause?.code ?? e.message}\n`);
  process.exitCode = 1;
}
