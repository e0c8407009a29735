import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'var/', 'web/vendor/', 'test-output/', 'teams/build/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'warn',
      eqeqeq: ['warn', 'always'],
      // The package's index loads every AI feature it has, GPT tokenizer tables included: 12 MB of
      // heap (a sixth of a started server's) that every major garbage collection has to walk.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@microsoft/teams-ai', message: "Import the module itself, e.g. '@microsoft/teams-ai/lib/Application.js'.", allowTypeImports: true },
            // The barrels load every function and every locale: 1.3 s each at start on two slow cores.
            { name: 'date-fns', message: "Import the function itself, e.g. 'date-fns/format'.", allowTypeImports: true },
            { name: 'date-fns/locale', message: "Import the locale itself, e.g. 'date-fns/locale/nb'.", allowTypeImports: true },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.ts', 'scripts/**/*.mjs', 'test/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', process: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['web/**/*.js', 'scripts/**/*.mjs'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly', fetch: 'readonly', localStorage: 'readonly', location: 'readonly', console: 'readonly', process: 'readonly', URL: 'readonly', setTimeout: 'readonly' } },
  },
);
