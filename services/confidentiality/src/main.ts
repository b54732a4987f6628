import 'reflect-metadata';
import { loadServiceConfig, runService } from '@cx/platform';
import { createConfidentialityApp } from './confidentiality.app';

runService(async () => {
  const config = loadServiceConfig('confidentiality', 3005);
  const app = await createConfidentialityApp(config);
  await app.listen(config.port, '0.0.0.0');
});
