// `npm run docs`: regenerates the generated tables in README.md from src/core/lint: the lint-rule
// table (between the rules:start/end markers, from RULE_DOCS) and the table of rules VS Code's own
// diagnostics repeat (vscode-overlap:start/end, from VSCODE_OVERLAP). A unit test fails when README.md
// is out of date. Needs `node scripts/build.mjs --tests` first (it reads out/).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { overlapTableMarkdown, ruleTableMarkdown, RULE_DOCS, VSCODE_OVERLAP } = require('../out/src/core/lint/index.js');
const readme = readFileSync('README.md', 'utf8');
const next = readme
  .replace(/(<!-- rules:start -->\n)[\s\S]*?(<!-- rules:end -->)/, `$1${ruleTableMarkdown(RULE_DOCS)}\n$2`)
  .replace(/(<!-- vscode-overlap:start -->\n)[\s\S]*?(<!-- vscode-overlap:end -->)/, `$1${overlapTableMarkdown(VSCODE_OVERLAP)}\n$2`);
if (next === readme) console.log('README.md tables are up to date.');
else {
  writeFileSync('README.md', next);
  console.log('README.md tables regenerated.');
}
