// ESLint over the whole tree: ESLint's and typescript-eslint's recommended rules, the latter
// type-checked; eslint-config-prettier last, so no rule fights the formatter (Prettier owns layout).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    // Built output, installs, local data, and what tools write (MikroORM's migrations, the bench's results).
    ignores: ['**/dist/', '**/node_modules/', '.tools/', '.data/', '.turbo/', 'coverage/', '**/src/migrations*/', 'bench/results/', '**/*.generated.ts'],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    // Each workspace's sources get their types from the tsconfig.json that builds them.
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // `_` marks what a signature needs but the body does not (Express tells an error handler by its four
      // parameters), and a rest sibling is how a property is left out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // What tsc does not compile (tests, bench, the JS hooks, the code generator's configuration) gets them from tsconfig.tooling.json.
    files: ['*.js', '**/test/**', 'bench/**', 'gateway/codegen.ts'],
    languageOptions: { parserOptions: { projectService: false, project: './tsconfig.tooling.json', tsconfigRootDir: import.meta.dirname } },
  },
  {
    // The JS files are jest's configuration and hooks, run by Node.
    files: ['**/*.js'],
    languageOptions: { globals: globals.node },
  },
  {
    // Apollo Server types every plugin hook as returning a promise and awaits it; its plugins are
    // written `async` whether or not a hook awaits (a throw in one is then a rejection Apollo handles).
    files: [
      'gateway/src/plugins/*.ts',
      'packages/platform/src/observability/request-log-plugin.ts',
      'packages/platform/src/service/gateway-notices.ts',
      'packages/platform/src/service/one-operation.ts',
      'packages/platform/src/service/read-replica-plugin.ts',
    ],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  {
    // The load generator and Hive Gateway are installed by `npm run bench` alone (bench/package.json), so
    // elsewhere their types cannot be resolved and every use of them reads as `any`.
    files: ['bench/lib/load.ts', 'bench/targets/hive-gateway.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  prettier,
);
