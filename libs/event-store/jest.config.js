module.exports = require('../../jest.preset.js').projectConfig('event-store', __dirname);
