module.exports = require('../jest.preset.js').projectConfig('demo', __dirname);
