module.exports = require('../jest.preset.js').projectConfig('e2e', __dirname);
