const path = require('node:path');
const config = require('../jest.preset.js').projectConfig('ops', __dirname);

// kubernetes-models ships ES modules behind an `import`-only export map, which Jest's CommonJS resolver skips.
module.exports = {
  ...config,
  moduleNameMapper: {
    ...config.moduleNameMapper,
    '^kubernetes-models/(.+)$': path.join(__dirname, '../node_modules/kubernetes-models/$1/index.js'),
  },
};
