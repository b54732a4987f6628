// `npm run demo [-- --seed S] [--scale full|small]`: the demo data loader (demo/) against a running `npm start`,
// built first (Nx answers from its cache when nothing changed), on the project's Node.
import path from 'node:path';
import { childEnv, root, runToCompletion } from './workspace.mjs';

const built = await runToCompletion('nx', ['run', '@cx/demo:build', '--outputStyle=static'], childEnv());
if (built !== 0) process.exit(built);
process.exit(
  await runToCompletion('node', [path.join(root, 'demo/dist/demo.js'), ...process.argv.slice(2)], childEnv()),
);
