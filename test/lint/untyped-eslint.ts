import { ESLint } from 'eslint';

/**
 * The project's lint configuration for code that is not on disk (the rule tests' samples): the
 * type-aware rules need a file in a tsconfig, so they are off here; every other rule applies as written.
 */
export function untypedEslint(): ESLint {
  return new ESLint({
    overrideConfig: {
      languageOptions: { parserOptions: { projectService: false } },
      rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-misused-promises': 'off' },
    },
  });
}
