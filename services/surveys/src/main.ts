import 'reflect-metadata';
import { loadServiceConfig, runService } from '@cx/platform';
import { createSurveysApp } from './surveys.app';

runService(async () => {
  const config = loadServiceConfig('surveys', 3002);
  const app = await createSurveysApp(config);
  await app.listen(config.port, '0.0.0.0');
});
