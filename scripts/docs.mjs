// `npm run docs`: regenerates the lint-rule table in README.md (between the rules:start/end markers)
// from the rule docs in src/core/lint (RULE_DOCS). A unit test fails when README.md is out of date.
// Needs `node scripts/build.mjs --tests` first (it reads out/).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { ruleTableMarkdown, RULE_DOCS } = require('../out/src/core/lint/index.js');
const readme = readFileSync('README.md', 'utf8');
const next = readme.replace(/(<!-- rules:start -->\n)[\s\S]*?(<!-- rules:end -->)/, `$1${ruleTableMarkdown(RULE_DOCS)}\n$2`);
if (next === readme) console.log('README.md rule table is up to date.');
else {
  writeFileSync('README.md', next);
  console.log('README.md rule table regenerated.');
}
