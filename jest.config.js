// `npm test`: two jest projects over tests/ (the browser and reliability suites have configs of
// their own). `unit` runs without a database in seconds (`npm run test:unit`); `integration`
// shares one real FerretDB (or MONGODB_URI, or an embedded MongoDB) started by the global setup,
// and each test file opens its own database (tests/support/testDatabase.ts). Which project a
// file is in follows from what it imports (tests/support/testLevels.js).
const path = require('node:path');
const { testFilesByLevel } = require('./tests/support/testLevels');

const testsRoot = path.join(__dirname, 'tests');
const levels = testFilesByLevel(testsRoot, ['reliability', 'browser']);
const escape = (file) => file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }] },
  setupFiles: ['reflect-metadata'],
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 60000,
  maxWorkers: 2,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: levels.unit.length > 0 ? levels.unit : ['<rootDir>/tests/none'],
    },
    {
      ...shared,
      displayName: 'integration',
      testRegex: levels.integration.map((file) => `^${escape(file)}$`),
      globalSetup: '<rootDir>/tests/support/globalSetup.ts',
      globalTeardown: '<rootDir>/tests/support/globalTeardown.ts',
    },
  ],
};
