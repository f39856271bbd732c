import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'build',
      'public/build',
      'server-build',
      'data',
      'test-results',
      'playwright-report',
      'tests/.tmp',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['*.server', '*.server.ts'], importNames: ['default'], message: 'Server modules export named values only.' }] },
      ],
    },
  },
  {
    // Routes are thin: they authorise, parse and call the domain, which alone reaches the
    // database. Types from @prisma/client are fine.
    files: ['app/routes/**'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '~/utils/db.server', message: 'Routes call app/domain; only the domain reaches the database.' },
            { name: '@prisma/client', allowTypeImports: true, message: 'Routes call app/domain; import Prisma types with `import type`.' },
          ],
          patterns: [{ group: ['*.server', '*.server.ts'], importNames: ['default'], message: 'Server modules export named values only.' }],
        },
      ],
    },
  },
)
