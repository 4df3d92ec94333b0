// End-to-end tests of the web viewer in headless Chromium (playwright-core, Debian's chromium at
// /usr/bin/chromium or CHROMIUM_PATH). The global setup starts the shared test database and
// builds web/dist when it is missing or older than web/src.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }] },
  testMatch: ['<rootDir>/tests/browser/**/*.test.ts'],
  globalSetup: '<rootDir>/tests/browser/support/globalSetup.ts',
  globalTeardown: '<rootDir>/tests/support/globalTeardown.ts',
  setupFiles: ['reflect-metadata'],
  testTimeout: 120000,
  maxWorkers: 1,
};
