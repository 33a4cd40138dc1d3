// Flat config. The layer rules below are the architecture, enforced:
// src/procedure is the law as code and must stay pure.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const impureModules = [
  { group: ['@mikro-orm/*'], message: 'src/procedure is pure: no ORM.' },
  {
    group: ['type-graphql', 'graphql', 'graphql-*', '@apollo/*'],
    message: 'src/procedure is pure: no GraphQL.',
  },
  { group: ['docx', 'handlebars'], message: 'src/procedure is pure: no document rendering.' },
  {
    group: ['node:fs', 'node:fs/*', 'fs', 'node:net', 'node:http', 'pg', 'express'],
    message: 'src/procedure is pure: no IO.',
  },
];
const escapesProcedure = (depth) => ({
  group: ['../'.repeat(depth) + '*'],
  message: 'src/procedure imports only itself.',
});
const procedureRules = (depth) => ({
  'no-restricted-imports': [
    'error',
    { patterns: [...impureModules, escapesProcedure(depth), escapesProcedure(depth + 1)] },
  ],
  'no-restricted-syntax': [
    'error',
    {
      selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
      message: 'No clock in src/procedure: take `now` as an argument.',
    },
    {
      selector: "NewExpression[callee.name='Date'][arguments.length=0]",
      message: 'No clock in src/procedure: take `now` as an argument.',
    },
    {
      selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
      message: 'src/procedure is deterministic.',
    },
  ],
  'no-restricted-globals': ['error', 'process', 'fetch', 'setTimeout', 'setInterval'],
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'out/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { emitDecoratorMetadata: true, experimentalDecorators: true },
    },
    rules: {
      curly: ['error', 'all'],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  { files: ['src/procedure/*.ts'], rules: procedureRules(1) },
  { files: ['src/procedure/*/*.ts'], rules: procedureRules(2) },
  { files: ['src/procedure/*/*/*.ts'], rules: procedureRules(3) },
  {
    files: ['src/documents/**/*.model.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@mikro-orm/*'], message: 'View models are pure.' }] },
      ],
    },
  },
);
