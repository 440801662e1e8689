import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.cluster/**', '.venv/**', 'bench/work/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: globals.node },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Small functions, and no object shape asserted by hand: spec and status are
    // read through typed accessors that check what they find.
    files: ['src/**/*.ts'],
    rules: {
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TSAsExpression:has(MemberExpression[property.name=/^(spec|status)$/])',
          message: 'read spec/status through a typed accessor (src/objects.ts, src/deploy/workload-shape.ts), not an `as` cast',
        },
      ],
    },
  },
);
