const path = require('node:path');

// The scenarios kill and restart the suite's own broker and Postgres, so they run one at a time, in one process.
module.exports = {
  ...require('../jest.preset.js').projectConfig('faults', __dirname),
  globalSetup: path.join(__dirname, 'src/harness/global-setup.ts'),
  globalTeardown: path.join(__dirname, 'src/harness/global-teardown.ts'),
  maxWorkers: 1,
  testTimeout: 300_000,
};
