import { describeMalformedInput } from '@cx/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { createConfidentialityApp } from './confidentiality.app';

const service = {
  service: 'confidentiality',
  createApp: createConfidentialityApp,
  paramValue: (name: string) =>
    name === 'subjectId' ? `subj_${randomBytes(18).toString('hex').slice(0, 24)}` : randomUUID(),
};

describeMalformedInput(service);
