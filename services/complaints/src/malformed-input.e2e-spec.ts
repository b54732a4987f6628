import { describeMalformedInput } from '@cx/testing';
import { createComplaintsApp } from './complaints.app';

const service = { service: 'complaints', createApp: createComplaintsApp };

describeMalformedInput(service);
