// npm run lint. Not type-checked (tsc does that): syntax-level rules only, so a
// run over the whole repository takes seconds.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig([
  globalIgnores([
    '**/dist/',
    '**/build/',
    '**/.tmp/',
    '**/.cache/',
    '**/.strapi/',
    'coverage/',
    'types/generated/',
    'tests/e2e/screenshots/',
  ]),
  {
    files: ['**/*.{js,mjs,cjs,ts,tsx}'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    rules: {
      // Rest siblings: `const { id, ...rest } = row` is how a field is left out.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  // Plain Node scripts, migrations and configs are CommonJS (require, module.exports).
  {
    files: ['**/*.{js,cjs}'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['scripts/**', 'config/**', 'database/**', 'tests/**', 'src/**', '*.{js,mjs,cjs}'],
    ignores: ['src/admin/**', 'src/plugins/*/admin/**'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['tests/**'],
    languageOptions: { globals: globals.jest },
  },
  // Route contracts follow Strapi's own (content-releases): `declare namespace GetX { Request; Response }`.
  {
    files: ['src/plugins/*/shared/contracts/**'],
    rules: { '@typescript-eslint/no-namespace': ['error', { allowDeclarations: true }] },
  },
  // The admin panels run in the browser.
  {
    files: ['src/admin/**', 'src/plugins/*/admin/**'],
    languageOptions: { globals: globals.browser },
  },
]);
