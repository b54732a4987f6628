import { describeMalformedInput } from '@cx/testing';
import { randomUUID } from 'node:crypto';
import { createSurveysApp } from './surveys.app';

const service = {
  service: 'surveys',
  createApp: createSurveysApp,
  paramValue: (name: string) => (name === 'version' ? '1' : randomUUID()),
};

describeMalformedInput(service);
