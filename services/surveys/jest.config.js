module.exports = require('../../jest.preset.js').projectConfig('surveys', __dirname);
