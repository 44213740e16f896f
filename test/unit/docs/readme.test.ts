import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { COMMANDS } from '../../../src/cli/commands';
import { overlapTableMarkdown, RULE_DOCS, ruleTableMarkdown, VSCODE_OVERLAP } from '../../../src/core/lint';

const ROOT = path.resolve(__dirname, '../../../..');

describe('README.md', () => {
  it('documents every lint rule exactly as the linter describes it (run `npm run docs` to update)', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const m = /<!-- rules:start -->\n([\s\S]*?)<!-- rules:end -->/.exec(readme);
    assert.ok(m, 'README.md has the rules:start/end markers');
    assert.equal(m[1].trim(), ruleTableMarkdown(RULE_DOCS).trim());
  });

  it("says which rules VS Code's own diagnostics repeat in its files, exactly as the extension applies it (run `npm run docs` to update)", () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const m = /<!-- vscode-overlap:start -->\n([\s\S]*?)<!-- vscode-overlap:end -->/.exec(readme);
    assert.ok(m, 'README.md has the vscode-overlap:start/end markers');
    assert.equal(m[1].trim(), overlapTableMarkdown(VSCODE_OVERLAP).trim());
  });

  it('names every command of the CLI', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    for (const c of COMMANDS) assert.match(readme, new RegExp(`mcp-devtools ${c.name}\\b`), c.name);
  });
});
