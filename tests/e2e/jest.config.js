// Browser tests: Debian's Chromium against the built admin panel served by a
// real `strapi start`. Separate from jest.config.js so `npm test` stays fast;
// run after `npm run build` (npm run test:e2e).
const path = require('node:path');

module.exports = {
  rootDir: path.resolve(__dirname, '..', '..'),
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }] },
  // The tests import nothing from the app: they drive it over HTTP.
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.tmp/', '<rootDir>/.strapi/', '<rootDir>/src/'],
  testTimeout: 60000,
};
