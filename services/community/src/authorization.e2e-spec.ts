import { AuthorizationPolicy, describeAuthorizationMatrix } from '@cx/testing';
import { randomUUID } from 'node:crypto';
import { createCommunityApp } from './community.app';

const staff = ['community_staff', 'admin'];
const onResidentsBehalf = ['agent', 'community_staff', 'admin'];
const readers = ['community_staff', 'manager', 'ceo_office', 'auditor', 'admin'];

/**
 * Who may do what in the community service: the written policy the documented routes are held to. Staff run
 * activities, the register and care services; residents act through internal systems (agent) or staff.
 */
const policy: AuthorizationPolicy = {
  'GET /v1/communities/{community}/residents': readers,
  'POST /v1/communities/{community}/residents': staff,
  'POST /v1/activities': staff,
  'GET /v1/activities/{activityId}': readers,
  'POST /v1/activities/{activityId}/publication': staff,
  'POST /v1/activities/{activityId}/changes': staff,
  'POST /v1/activities/{activityId}/cancellation': staff,
  'POST /v1/activities/{activityId}/check-ins': staff,
  'POST /v1/activities/{activityId}/attendance-closure': staff,
  'POST /v1/activities/{activityId}/photos': staff,
  'POST /v1/activities/{activityId}/registrations': onResidentsBehalf,
  'GET /v1/activities/{activityId}/registrations/{registrationId}': onResidentsBehalf,
  'POST /v1/activities/{activityId}/registrations/{registrationId}/cancellation': onResidentsBehalf,
  'POST /v1/activities/{activityId}/registrations/{registrationId}/offer-acceptance': onResidentsBehalf,
  'POST /v1/activities/{activityId}/registrations/{registrationId}/check-in': staff,
  'POST /v1/activities/{activityId}/registrations/{registrationId}/feedback': onResidentsBehalf,
  'POST /v1/care-services': onResidentsBehalf,
  'GET /v1/care-services/{careServiceId}': readers,
  'POST /v1/care-services/{careServiceId}/assignment': staff,
  'POST /v1/care-services/{careServiceId}/visits': staff,
  'POST /v1/care-services/{careServiceId}/visits/{visitNumber}/completion': staff,
  'POST /v1/care-services/{careServiceId}/visits/{visitNumber}/rating': onResidentsBehalf,
  'POST /v1/care-services/{careServiceId}/ending': staff,
};

const service = {
  service: 'community',
  createApp: createCommunityApp,
  paramValue: (name: string) => (name === 'community' ? 'SH-PUDONG-07' : name === 'visitNumber' ? '1' : randomUUID()),
};

describeAuthorizationMatrix(service, policy);
