import 'reflect-metadata';
import { loadServiceConfig, runService } from '@cx/platform';
import { createCommunityApp } from './community.app';

runService(async () => {
  const config = loadServiceConfig('community', 3004);
  const app = await createCommunityApp(config);
  await app.listen(config.port, '0.0.0.0');
});
