import { describeMalformedInput } from '@cx/testing';
import { createCampaignsApp } from './campaigns.app';

const service = { service: 'campaigns', createApp: createCampaignsApp };

describeMalformedInput(service);
