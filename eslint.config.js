// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * Import direction (see ARCHITECTURE.md):
 *   engine  <- pure TypeScript; imports nothing from the UI or any UI library
 *   config, store, components <- may use engine; never features or app
 *   features <- may use all of the above; never app, never another feature's internals
 *   app <- wires everything together
 */
const UI_LIBRARIES = [
  'react',
  'react-dom',
  'react/*',
  'react-dom/*',
  '@mui/*',
  '@emotion/*',
  'zustand',
  'zustand/*',
  'react-router',
];
const upward = (folder) => [`@/${folder}/*`, `@/${folder}`, `**/${folder}/*`];

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-*',
      'node_modules',
      'coverage',
      'test-results',
      'playwright-report',
      'public/*.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/engine/**'],
    rules: restrict(
      [
        ...UI_LIBRARIES,
        ...upward('app'),
        ...upward('features'),
        ...upward('components'),
        ...upward('store'),
        ...upward('config'),
      ],
      'The engine is pure TypeScript: it runs in Node (CLI), a Web Worker and the page, so it may not import UI code or UI libraries.',
    ),
  },
  {
    files: ['src/config/**', 'src/components/**', 'src/store/**'],
    rules: restrict(
      [...upward('app'), ...upward('features')],
      'Shared code may not depend on features or on the app shell; move the shared piece down instead.',
    ),
  },
  {
    files: ['src/features/**'],
    rules: restrict([...upward('app')], 'Features may not import the app shell; the app composes features.'),
  },
  {
    files: ['cli/**'],
    rules: restrict(
      [...UI_LIBRARIES, ...upward('app'), ...upward('features'), ...upward('components'), ...upward('store')],
      'The CLI runs the engine only.',
    ),
  },
);
