module.exports = require('../../jest.preset.js').projectConfig('testing', __dirname);
