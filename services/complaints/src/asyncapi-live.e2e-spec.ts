import type { INestApplication } from '@nestjs/common';
import { signToken, Role } from '@cx/auth';
import { namespacedTopic, Topics } from '@cx/contracts';
import type { ServiceConfig } from '@cx/platform';
import { eventually, ReadMessage, testServiceConfig, TestDatabase, TopicReader } from '@cx/testing';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { createComplaintsApp } from './complaints.app';

/** The document as committed (libs/contracts/asyncapi.json), not as generated now: that is what consumers read. */
const DOCUMENT_ID = 'asyncapi.json';
const asyncapi = JSON.parse(readFileSync(path.join(__dirname, '../../../libs/contracts/asyncapi.json'), 'utf8')) as {
  channels: Record<string, { address: string; messages: Record<string, { $ref: string }> }>;
  components: { messages: Record<string, { headers: { properties: Record<string, { const?: string }> } }> };
};

const complaint = {
  customerId: 'subj_7Hq2kLm9Xa',
  project: 'SH-PUDONG-07',
  region: 'east-china',
  category: 'maintenance',
  severity: 'high',
  channel: 'hotline',
  description: 'The lift stops between floors.',
};

/**
 * The AsyncAPI document against what complaints really publishes: every message on the topic is matched to the
 * document's channel (by topic) and message (by its event-type and schema-version headers), and its headers and
 * value must validate against that message's schemas (the envelope schema plus the event's payload schema).
 */
describe('the AsyncAPI document describes the live messages of cx.complaints.events', () => {
  let app: INestApplication;
  let config: ServiceConfig;
  let database: TestDatabase;
  let topic: TopicReader;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addSchema(asyncapi, DOCUMENT_ID);

  const as = (sub: string, ...roles: Role[]) => `Bearer ${signToken({ sub, name: sub, roles }, config.jwtSecret)}`;
  const post = (route: string, auth: string, body: object = {}) =>
    request(app.getHttpServer())
      .post(route)
      .set('Authorization', auth)
      .send(body)
      .expect((response) => {
        if (response.status >= 300) throw new Error(`${route}: ${response.status} ${response.text}`);
      });

  /** The document's message for a Kafka message on one of its channels, or why there is none. */
  function documentedMessage(message: ReadMessage, address: string): string {
    const channel = Object.values(asyncapi.channels).find((c) => c.address === address);
    if (!channel) throw new Error(`no channel for ${address}`);
    const key = Object.values(channel.messages)
      .map((m) => m.$ref.replace('#/components/messages/', ''))
      .find((k) => {
        const headers = asyncapi.components.messages[k].headers.properties;
        return (
          headers['event-type'].const === message.headers['event-type'] &&
          headers['schema-version'].const === message.headers['schema-version']
        );
      });
    if (!key) throw new Error(`${message.headers['event-type']} v${message.headers['schema-version']} undocumented`);
    return key;
  }

  function problemsOf(message: ReadMessage, address: string): string[] {
    const key = documentedMessage(message, address);
    const problems: string[] = [];
    for (const [part, value] of [
      ['headers', message.headers],
      ['payload', JSON.parse(message.value ?? 'null')],
    ] as const) {
      const validate = ajv.getSchema(`${DOCUMENT_ID}#/components/messages/${key}/${part}`)!;
      if (!validate(value)) {
        problems.push(`${key} ${part}: ${ajv.errorsText(validate.errors)}`);
      }
    }
    const payload = JSON.parse(message.value ?? 'null');
    if (message.key !== payload.streamId) problems.push(`${key}: key ${message.key} is not the stream id`);
    return problems;
  }

  beforeAll(async () => {
    ({ config, database } = await testServiceConfig('complaints'));
    app = await createComplaintsApp(config);
    await app.init();
    topic = await new TopicReader(
      config.kafkaBrokers,
      namespacedTopic(Topics.complaints, config.topicNamespace),
    ).start();
  });

  afterAll(async () => {
    await topic?.stop();
    await app?.close();
    await database?.drop();
  });

  it('matches every published message, over the complaint lifecycle, CEO instructions and typical cases', async () => {
    const agent = as('agent-1', 'agent');
    const ceo = as('ceo-1', 'ceo_office');
    const owner = as('regional-director-east', 'manager');
    const reviewer = as('reviewer-1', 'reviewer', 'manager');

    const filed = await post('/v1/complaints', agent, complaint);
    const id = filed.body.complaintId as string;
    for (const [route, body] of [
      ['acknowledgement', {}],
      ['assignment', { handlerId: 'staff-1042' }],
      [
        'contacts',
        { direction: 'outbound', channel: 'phone', outcome: 'reached', contactedAt: new Date().toISOString() },
      ],
      ['responses', { channel: 'phone' }],
      ['escalations', { reason: 'Customer called again' }],
      ['resolution', { outcome: 'repaired' }],
      ['resolution/confirmation', {}],
      ['closure', { satisfaction: 4 }],
    ] as const) {
      await post(`/v1/complaints/${id}/${route}`, agent, body);
    }

    const direct = await post('/v1/complaints', ceo, { ...complaint, channel: 'ceo_direct' });
    const directId = direct.body.complaintId as string;
    const dueAt = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const issued = await post(`/v1/complaints/${directId}/ceo-instructions`, ceo, {
      ownerId: 'regional-director-east',
      ownerLevel: 'region',
      dueAt,
      note: 'Agree a date with the customer',
    });
    const { instructionId } = issued.body.ceoInstructions[0];
    await post(`/v1/complaints/${directId}/ceo-instructions/${instructionId}/report`, owner, { report: 'Agreed' });
    await post(`/v1/complaints/${directId}/ceo-instructions/${instructionId}/acceptance`, ceo);
    await post('/v1/typical-case-reviews', reviewer, { complaintId: directId, reason: 'Lift faults recur' });

    const address = Topics.complaints;
    const expectedTypes = [
      'ComplaintFiled',
      'ComplaintAcknowledged',
      'ComplaintAssigned',
      'CustomerContactRecorded',
      'ComplaintResponded',
      'ComplaintEscalated',
      'ComplaintResolved',
      'ResolutionConfirmed',
      'ComplaintClosed',
      'CeoInstructionIssued',
      'CeoInstructionReported',
      'CeoInstructionAccepted',
      'TypicalCaseMarked',
    ];
    await eventually(() => {
      const seen = new Set(topic.messages.map((m) => m.headers['event-type']));
      expect(expectedTypes.filter((t) => !seen.has(t))).toEqual([]);
    });
    expect(topic.messages.length).toBeGreaterThanOrEqual(expectedTypes.length);
    expect(topic.messages.flatMap((m) => problemsOf(m, address))).toEqual([]);
  });

  it('fails a message that drifts from the document (the check is not a formality)', () => {
    const published = topic.messages.find((m) => m.headers['event-type'] === 'ComplaintFiled')!;
    const envelope = JSON.parse(published.value!);
    const drifted = (value: object, headers = published.headers): ReadMessage => ({
      ...published,
      headers,
      value: JSON.stringify(value),
    });
    expect(problemsOf(drifted({ ...envelope, tenant: 'east' }), Topics.complaints)).toEqual([
      expect.stringMatching(/ComplaintFiledV1 payload: .*must NOT have additional properties/),
    ]);
    expect(
      problemsOf(drifted({ ...envelope, data: { ...envelope.data, severity: 'urgent' } }), Topics.complaints),
    ).toEqual([expect.stringMatching(/ComplaintFiledV1 payload: data\/data\/severity must be equal to one of/)]);
    expect(() =>
      problemsOf(drifted(envelope, { ...published.headers, 'schema-version': '2' }), Topics.complaints),
    ).toThrow('ComplaintFiled v2 undocumented');
  });
});
