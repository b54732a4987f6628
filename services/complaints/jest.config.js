module.exports = require('../../jest.preset.js').projectConfig('complaints', __dirname);
