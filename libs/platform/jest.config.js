module.exports = require('../../jest.preset.js').projectConfig('platform', __dirname);
