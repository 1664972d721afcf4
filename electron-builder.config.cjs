// electron-builder's configuration, made from this build's environment (signing, update URL):
// the rules live in scripts/builder-config.cjs, where tests/unit/builder-config.test.ts checks them.
'use strict';
module.exports = require('./scripts/builder-config.cjs').builderConfig(process.env);
