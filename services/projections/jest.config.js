module.exports = require('../../jest.preset.js').projectConfig('projections', __dirname);
