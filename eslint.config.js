// Type-aware lint with the project's boundaries: web never imports server, modules talk through index.ts,
// the platform never reaches into modules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'data/**',
      'bench/out/**',
      'server/drizzle/**',
      '**/*.mjs',
      '**/*.cjs',
      'e2e/screenshots/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: { allowDefaultProject: ['*.js', '*.ts'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      // Fastify handlers and hooks are async by contract even when they only throw or return.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['server/src/modules/**/*.ts'],
    rules: {
      // Quick feedback in the editor; the exact check (resolved paths, cycles) is server/src/boundaries.test.ts.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^\\.\\./(?!\\.)[^/]+/(?!index\\.ts$).+', message: 'Import another module only through its index.ts.' },
            { regex: '^(\\.\\./)+modules/[^/]+/(?!index\\.ts$).+', message: 'Import another module only through its index.ts.' },
          ],
        },
      ],
    },
  },
  {
    files: ['server/src/platform/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '/modules/', message: 'The platform must not depend on domain modules.' }] },
      ],
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '(^@gonghui/server|/server/)', message: 'web/ never imports server/.' }] }],
    },
  },
  {
    // The member H5 page is phone-first with a first-load budget (web/scripts/bundle-size.mjs): antd-mobile only.
    files: ['web/src/h5/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '(^@gonghui/server|/server/)', message: 'web/ never imports server/.' },
            {
              regex: '^(antd(/|$)|@ant-design/|i18next|react-i18next|echarts|@tanstack/)',
              message: 'H5 pages use antd-mobile and plain React only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', 'server/src/test/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
