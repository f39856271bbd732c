import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const serverDefaultImport = {
  group: ['*.server', '*.server.ts'],
  importNames: ['default'],
  message: 'Server modules export named values only.',
}

// The module map: each capability of app/domain may use the ones before it, never the ones
// after it, so capabilities depend in one direction and never in a cycle. Tests may cross.
const CAPABILITIES = [
  'audit',
  'identity',
  'pricing',
  'catalog',
  'accounts',
  'promotions',
  'commission',
  'campaigns',
  'payments',
  'orders',
  'outreach',
  'imports',
  'dashboard',
]
const capabilityLayers = CAPABILITIES.map((capability, index) => {
  const later = CAPABILITIES.slice(index + 1)
  return {
    files: [`app/domain/${capability}/**/*.{ts,tsx}`],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            serverDefaultImport,
            ...(later.length
              ? [
                  {
                    group: later.map((name) => `~/domain/${name}/*`),
                    message: `app/domain/${capability} comes before ${later.join(', ')} in the module map (eslint.config.js): move the shared piece down, or the caller up.`,
                  },
                  {
                    // Another capability is reached as ~/domain/<name>/…, so the rule above sees it.
                    group: ['../*/**', '!../imports/**'],
                    message: 'Import another capability as ~/domain/<name>/….',
                  },
                ]
              : []),
          ],
        },
      ],
    },
  }
})

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
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      'no-restricted-imports': [
        'error',
        { patterns: [serverDefaultImport] },
      ],
    },
  },
  ...capabilityLayers,
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
          patterns: [serverDefaultImport],
        },
      ],
    },
  },
)
