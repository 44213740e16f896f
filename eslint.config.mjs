// typescript-eslint with one architectural rule: the pure core (src/core) never imports `vscode`,
// so it runs under plain node, in the CLI and in unit tests.
import tseslint from 'typescript-eslint';

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
        paths: [{ name: 'vscode', message: 'src/core and src/cli are the pure core: no vscode import (see STYLE.md). Put VS Code code in src/views, src/commands or src/editor.' }],
      }],
    },
  },
);
