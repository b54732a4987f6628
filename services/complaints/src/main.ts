import 'reflect-metadata';
import { loadServiceConfig, runService } from '@cx/platform';
import { createComplaintsApp } from './complaints.app';

runService(async () => {
  const config = loadServiceConfig('complaints', 3001);
  const app = await createComplaintsApp(config);
  await app.listen(config.port, '0.0.0.0');
});
