// Reliability suite (`npm run test:reliability`): fuzzing, concurrency, crashes, permissions,
// tampering and abuse against a real database. RELIABILITY_PROFILE=ci (default) is sized for
// CI on a 2-core machine; RELIABILITY_PROFILE=full runs the full numbers (see tests/reliability/).
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }] },
  testMatch: ['<rootDir>/tests/reliability/**/*.test.ts'],
  globalSetup: '<rootDir>/tests/support/globalSetup.ts',
  globalTeardown: '<rootDir>/tests/support/globalTeardown.ts',
  setupFiles: ['reflect-metadata'],
  testTimeout: 600000,
  // Servers run as child processes; one test file at a time keeps their load measurable.
  maxWorkers: 1,
};
