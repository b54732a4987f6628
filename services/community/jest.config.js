module.exports = require('../../jest.preset.js').projectConfig('community', __dirname);
