module.exports = require('../../jest.preset.js').projectConfig('campaigns', __dirname);
