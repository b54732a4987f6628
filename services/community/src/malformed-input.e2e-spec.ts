import { describeMalformedInput } from '@cx/testing';
import { randomUUID } from 'node:crypto';
import { createCommunityApp } from './community.app';

const service = {
  service: 'community',
  createApp: createCommunityApp,
  paramValue: (name: string) => (name === 'community' ? 'SH-PUDONG-07' : name === 'visitNumber' ? '1' : randomUUID()),
};

describeMalformedInput(service);
