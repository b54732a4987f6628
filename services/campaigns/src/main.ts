import 'reflect-metadata';
import { loadServiceConfig, runService } from '@cx/platform';
import { createCampaignsApp } from './campaigns.app';

runService(async () => {
  const config = loadServiceConfig('campaigns', 3003);
  const app = await createCampaignsApp(config);
  await app.listen(config.port, '0.0.0.0');
});
