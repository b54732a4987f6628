// `npm run asyncapi`: writes libs/contracts/asyncapi.json from the event schemas in libs/contracts.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { childEnv, ensureDependencies, root, runToCompletion } from './workspace.mjs';

ensureDependencies();
if ((await runToCompletion('nx', ['run', '@cx/contracts:build', '--outputStyle=static'], childEnv())) !== 0)
  process.exit(1);
const require = createRequire(import.meta.url);
const { buildAsyncApiDocument } = require(path.join(root, 'libs/contracts/dist/index.js'));
const target = path.join(root, 'libs/contracts/asyncapi.json');
writeFileSync(target, `${JSON.stringify(buildAsyncApiDocument(), null, 2)}\n`);
console.log(`wrote ${path.relative(root, target)}`);
