// typescript-eslint with two architectural rules: the pure core (src/core) and the CLI never import
// `vscode`, so they run under plain node and in unit tests; and no import in src/ runs up a layer
// (the layers and what each may import are in eslint/layers.mjs).
import tseslint from 'typescript-eslint';
import layers from './eslint/layers.mjs';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'out.tmp-*/**', 'out.old-*/**', '**/*.vsix', 'node_modules/**', '.vscode-test/**', 'demo/**', 'test/e2e/screenshots/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/core/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'src/core and src/cli are the pure core: no vscode import (see STYLE.md). Put VS Code code in a capability folder (src/servers, src/calls, ...) or src/ui.' }],
      }],
    },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { local: layers },
    rules: { 'local/layers': 'error' },
  },
);
