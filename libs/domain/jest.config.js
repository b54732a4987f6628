module.exports = require('../../jest.preset.js').projectConfig('domain', __dirname);
