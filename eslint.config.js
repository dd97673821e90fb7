import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'proto/generated/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: globals.node,
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // The gateway's persisted formats in proto/ are the contract, not the gateway.
              group: [
                '**/gateway/**',
                '../gateway',
                '../../gateway',
                '!**/proto/generated/strata/gateway/**',
              ],
              message: 'Nothing imports the gateway: dependencies point one way.',
            },
          ],
        },
      ],
    },
  },
  {
    // The gateway may import itself; the CLI is the composition root that runs every role; tests
    // import what they test.
    files: ['gateway/**', 'cli/**', 'test/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
