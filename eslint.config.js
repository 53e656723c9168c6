import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'net', 'http', 'https', 'crypto', 'stream', 'url', 'util', 'worker_threads'];
const electronOnlyInShell = { name: 'electron', message: 'Electron is imported only by the thin shell in main/app and main/preload.' };
const rendererSyntax = [
  { selector: 'ExportDefaultDeclaration', message: 'Named exports only.' },
  { selector: 'JSXText[value=/[A-Za-z\\u4e00-\\u9fff]/]', message: 'User-facing text goes through i18n: use t().' },
  {
    selector: 'JSXAttribute[name.name=/^(title|placeholder|alt|aria-label|aria-description)$/] > Literal',
    message: 'User-facing text goes through i18n: use t().',
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'release/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [electronOnlyInShell] }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Named exports only.' },
      ],
    },
  },
  {
    files: ['main/app/**/*.ts', 'main/preload/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell],
          patterns: [{ group: nodeBuiltins, message: 'shared/ is pure TypeScript: no Node, no DOM, no Electron.' }, { group: ['react', 'dexie'], message: 'shared/ has no UI or storage dependencies.' }],
        },
      ],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell],
          patterns: [{ group: nodeBuiltins, message: 'The renderer is sandboxed: no Node modules; ask main over IPC.' }],
        },
      ],
      'no-restricted-syntax': ['error', ...rendererSyntax],
    },
  },
  {
    // One write path per record (issue 9): components and hooks call renderer/src/data, never a Dexie table.
    files: ['renderer/src/**/*.tsx', 'renderer/src/**/use-*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...rendererSyntax,
        { selector: "MemberExpression[object.name='db']", message: 'Components read and write through renderer/src/data.' },
      ],
    },
  },
  {
    files: ['main/**/*.ts', 'test/**/*.{ts,tsx}', '*.js'],
    languageOptions: { globals: globals.node },
  },
  {
    // Type-aware checks where a forgotten promise loses data or an error: every project's TypeScript.
    files: ['main/**/*.ts', 'renderer/**/*.{ts,tsx}', 'shared/**/*.ts', 'test/**/*.{ts,tsx}'],
    ignores: ['**/*.d.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // Tools require a default export from their config files; declarations describe third-party modules as they are.
    files: ['**/vite.config.ts', '**/vitest.config.ts', 'test/**/vitest.config.ts', 'eslint.config.js', 'main/types/**/*.d.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
