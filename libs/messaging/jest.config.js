module.exports = require('../../jest.preset.js').projectConfig('messaging', __dirname);
