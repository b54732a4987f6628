import 'reflect-metadata';
import { loadServiceConfig, runService } from '@cx/platform';
import { createProjectionsApp } from './projections.app';

runService(async () => {
  const config = loadServiceConfig('projections', 3006);
  const app = await createProjectionsApp(config);
  await app.listen(config.port, '0.0.0.0');
});
