// The repository's lint rules (run from the root by `npm run lint`, which `npm test` runs):
// ESLint's recommended rules, typescript-eslint's for TypeScript, and the rules of React hooks for
// the renderer. Formatting is Prettier's (`npm run format:check`), so no rule here is about layout.
// This file lives in its own workspace with TypeScript 5.9, which typescript-eslint's parser reads
// code with: the native TypeScript 7 the project compiles with has no JavaScript API yet (ADR 0024).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      'out/**',
      'tmp/**',
      'dist/**',
      'release/**',
      'src/central/dist/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
      '.data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      // Unused names are errors, unless they say so with a leading underscore (a destructured field left out on purpose).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}', 'src/console/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // Tests drive the contract with untyped inputs on purpose (bad input is what many of them send).
    files: ['tests/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Playwright fixtures take their dependencies as a destructured first argument: `async ({}, use)`.
    files: ['tests/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
