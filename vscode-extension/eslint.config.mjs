// ESLint (flat config): JavaScript and typescript-eslint's recommended rules, type-aware for src/ and test/;
// and the scripts gxlint's HTML pages inline (gxlint/**/*.js: the reviewer's page, the comparison page),
// which `npm run lint:pages` lints from the repository's root with this file.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
    { ignores: ['dist/', 'out-test/', 'node_modules/', '*.vsix'] },
    js.configs.recommended,
    {
        files: ['**/*.ts'],
        extends: [...tseslint.configs.recommendedTypeChecked],
        languageOptions: {
            parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
        },
        rules: {
            '@typescript-eslint/no-floating-promises': 'error',
            '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
            eqeqeq: 'error',
            curly: 'error',
        },
    },
    {
        // node:test's describe()/test() return promises the runner itself awaits; fakes are async without awaiting.
        files: ['test/**/*.ts'],
        rules: {
            '@typescript-eslint/no-floating-promises': 'off',
            '@typescript-eslint/require-await': 'off',
        },
    },
    {
        files: ['**/*.mjs'],
        languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
    },
    {
        // Plain scripts for the browser, each inside one <script> element of a self-contained page: the
        // recommended rules above and the extension's own that apply to plain JavaScript.  `x == null` stays
        // allowed: the pages read JSON in which a key may be null or absent, and it is the one test for both.
        files: ['gxlint/**/*.js'],
        languageOptions: { sourceType: 'script', globals: globals.browser },
        rules: {
            eqeqeq: ['error', 'always', { null: 'ignore' }],
            curly: 'error',
        },
    },
);
