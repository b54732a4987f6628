import { AuthorizationPolicy, describeAuthorizationMatrix } from '@cx/testing';
import { createCampaignsApp } from './campaigns.app';

/** Who may do what in the campaigns service: the written policy the documented routes are held to, route by route. */
const policy: AuthorizationPolicy = {
  'GET /v1/campaigns/{campaignId}': ['campaign_admin', 'manager', 'ceo_office', 'auditor', 'hr', 'admin'],
  'GET /v1/campaigns/{campaignId}/disclosures/{disclosureId}': ['campaign_admin', 'ceo_office', 'auditor', 'admin'],
  'GET /v1/campaigns/{campaignId}/disclosures/{disclosureId}/evidence': ['auditor', 'campaign_admin', 'admin'],
  'GET /v1/campaigns/{campaignId}/problems/{problemId}': [
    'campaign_admin',
    'manager',
    'ceo_office',
    'auditor',
    'admin',
  ],
  'GET /v1/campaigns/{campaignId}/roster': ['campaign_admin', 'manager', 'ceo_office', 'auditor', 'hr', 'admin'],
  'POST /v1/campaigns': ['campaign_admin', 'admin'],
  'POST /v1/campaigns/{campaignId}/activities': ['campaign_admin', 'admin'],
  'POST /v1/campaigns/{campaignId}/activities/bulk': ['campaign_admin', 'admin'],
  'POST /v1/campaigns/{campaignId}/closure': ['campaign_admin', 'admin'],
  'POST /v1/campaigns/{campaignId}/disclosures': ['campaign_admin', 'admin'],
  'POST /v1/campaigns/{campaignId}/opening': ['campaign_admin', 'admin'],
  'POST /v1/campaigns/{campaignId}/problems': ['campaign_admin', 'manager', 'admin'],
  'POST /v1/campaigns/{campaignId}/problems/{problemId}/actions': ['campaign_admin', 'manager', 'admin'],
  'POST /v1/campaigns/{campaignId}/problems/{problemId}/actions/{actionId}/completion': [
    'campaign_admin',
    'manager',
    'admin',
  ],
  'POST /v1/campaigns/{campaignId}/problems/{problemId}/actions/{actionId}/sending-back': ['campaign_admin', 'admin'],
  'POST /v1/campaigns/{campaignId}/problems/{problemId}/actions/{actionId}/verification': ['campaign_admin', 'admin'],
  'POST /v1/campaigns/{campaignId}/problems/{problemId}/closure': ['campaign_admin', 'admin'],
  'POST /v1/campaigns/{campaignId}/problems/{problemId}/links': ['campaign_admin', 'manager', 'admin'],
  'POST /v1/campaigns/{campaignId}/roster': ['hr', 'campaign_admin', 'admin'],
};

const service = { service: 'campaigns', createApp: createCampaignsApp };

describeAuthorizationMatrix(service, policy);
