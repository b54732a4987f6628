import tseslint from 'typescript-eslint';

// The domain layer stays pure: no framework, database or broker code in deciders, events and state.
const forbiddenInDomain = {
  patterns: [
    {
      group: ['@nestjs/*', 'pg', 'kafkajs', 'typeorm', '@cx/event-store', '@cx/messaging', '@cx/platform', '@cx/auth'],
      message: 'domain/ holds pure business rules: no Nest, pg, Kafka or TypeORM imports.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.kafka-cache/**', 'bench/results/**', '**/*.mjs', '**/*.js'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'no-console': 'error',
    },
  },
  {
    files: ['services/*/src/domain/**/*.ts', 'libs/domain/src/**/*.ts', 'libs/contracts/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', forbiddenInDomain] },
  },
);
