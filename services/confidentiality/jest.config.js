module.exports = require('../../jest.preset.js').projectConfig('confidentiality', __dirname);
