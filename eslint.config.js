// ESLint over the whole tree: ESLint's and typescript-eslint's recommended rules, the latter
// type-checked; eslint-config-prettier last, so no rule fights the formatter (Prettier owns layout).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    // Built output, installs, local data, and what tools write (MikroORM's migrations, the bench's results).
    ignores: ['**/dist/', '**/node_modules/', '.tools/', '.data/', '.turbo/', 'coverage/', '**/src/migrations/', 'bench/results/'],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    // Each workspace's sources get their types from the tsconfig.json that builds them.
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  {
    // What tsc does not compile gets them from tsconfig.tooling.json.
    files: ['*.js', '**/test/**', 'bench/**'],
    languageOptions: { parserOptions: { projectService: false, project: './tsconfig.tooling.json', tsconfigRootDir: import.meta.dirname } },
  },
  prettier,
);
