import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { formatForPath } from '../../../src/core/config/formats';
import type { ConfigFile, Range, ServerDefinition, Transport } from '../../../src/core/config/model';
import { MAX_NESTING } from '../../../src/core/config/nesting';

/** Absolute path of a fixture under test/fixtures/configs (tests run from out/test/unit/config). */
export function fixturePath(rel: string): string {
  return path.resolve(__dirname, '../../../../test/fixtures/configs', rel);
}

/** A fixture's text and the {@link ConfigFile} its format (recognized by path) reads from it. */
export function readFixture(rel: string): { text: string; file: ConfigFile } {
  const p = fixturePath(rel);
  const format = formatForPath(p, { platform: 'linux', home: '/nonexistent-home' });
  assert.ok(format, `no format recognized for ${rel}`);
  const text = readFileSync(p, 'utf8');
  return { text, file: format.read(text, p) };
}

/** The server called `name`, or a failed assertion. */
export function server(file: ConfigFile, name: string): ServerDefinition {
  const s = file.servers.find((x) => x.name === name);
  assert.ok(s, `no server "${name}" in ${file.path} (has ${file.servers.map((x) => x.name).join(', ')})`);
  return s;
}

/** The transport narrowed to stdio, or a failed assertion. */
export function stdio(s: ServerDefinition): Extract<Transport, { kind: 'stdio' }> {
  assert.equal(s.transport?.kind, 'stdio', `${s.name} should be stdio`);
  return s.transport as Extract<Transport, { kind: 'stdio' }>;
}

/** The transport narrowed to a remote kind, or a failed assertion. */
export function remote(s: ServerDefinition, kind: 'http' | 'sse' | 'ws'): Extract<Transport, { kind: 'http' | 'sse' | 'ws' }> {
  assert.equal(s.transport?.kind, kind, `${s.name} should be ${kind}`);
  return s.transport as Extract<Transport, { kind: 'http' | 'sse' | 'ws' }>;
}

/**
 * Asserts a range: the text it covers and where it starts, `line:character` (zero-based),
 * so a test reads like the file it checks.
 */
export function assertRange(text: string, range: Range | undefined, covered: string, start: string): void {
  assert.ok(range, `expected a range covering ${covered}`);
  assert.equal(text.slice(range.offset, range.offset + range.length), covered);
  assert.equal(`${range.start.line}:${range.start.character}`, start);
}

/**
 * A config whose one server's `args` (`env` in YAML block style) nest `n` levels below the
 * server's own, with the 1-based line and column where level MAX_NESTING + 1 opens.
 */
export function deepConfig(syntax: 'json' | 'toml' | 'yaml-flow' | 'yaml-block', n: number): { text: string; format: string; path: string; line: number; column: number } {
  if (syntax === 'json') {
    const head = '{"mcpServers": {"a": {"command": "node", "args": ';
    return { text: head + '['.repeat(n) + ']'.repeat(n) + '}}}', format: 'cursor-project', path: '/ws/.cursor/mcp.json', line: 1, column: head.length + (MAX_NESTING - 3) + 1 };
  }
  if (syntax === 'toml') {
    const head = 'args = ';
    return { text: `[mcp_servers.a]\ncommand = "node"\n${head}${'['.repeat(n)}${']'.repeat(n)}\n`, format: 'codex-project', path: '/ws/.codex/config.toml', line: 3, column: head.length + MAX_NESTING + 1 };
  }
  if (syntax === 'yaml-flow') {
    const head = '    args: ';
    return { text: `mcpServers:\n  - name: a\n    command: node\n${head}${'['.repeat(n)}${']'.repeat(n)}\n`, format: 'continue-project', path: '/ws/.continue/mcpServers/a.yaml', line: 4, column: head.length + (MAX_NESTING - 3) + 1 };
  }
  let text = 'mcpServers:\n  - name: a\n    env:\n';
  for (let i = 0; i < n; i++) text += `${' '.repeat(6 + i)}k${i}:\n`;
  // levels: root map 1, list 2, server map 3, env map 4, then one map per key line
  // the map of level L (≥ 4) starts at line L, column L + 3
  return { text, format: 'continue-project', path: '/ws/.continue/mcpServers/a.yaml', line: MAX_NESTING + 1, column: MAX_NESTING + 4 };
}
