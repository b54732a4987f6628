import type { INestApplication } from '@nestjs/common';
import { signToken } from '@cx/auth';
import { ManualClock, ServiceConfig } from '@cx/platform';
import { testServiceConfig, TestDatabase } from '@cx/testing';
import path from 'node:path';
import { Pool } from 'pg';
import request from 'supertest';
import { createComplaintsApp } from '../../services/complaints/src/complaints.app';
import { DEFAULT_SLA_POLICY } from '../../services/complaints/src/domain/sla/sla-policy';
import { loadSlaPolicy } from '../../services/complaints/src/infrastructure/sla-policy.config';
import { SlaScheduler } from '../../services/complaints/src/infrastructure/sla-scheduler';

/** The file `npm start -- --demo` gives the complaints service as SLA_POLICY_FILE (scripts/start.mjs). */
const DEMO_SLA_POLICY_FILE = path.resolve(__dirname, '../sla-policy.demo.json');
const MINUTE = 60_000;

describe('the demo SLA policy (npm start -- --demo)', () => {
  const policy = loadSlaPolicy({ SLA_POLICY_FILE: DEMO_SLA_POLICY_FILE });

  it('passes the complaints service policy check and differs from the default only in targets and hours mode', () => {
    expect({ ...policy, targets: DEFAULT_SLA_POLICY.targets, hoursMode: DEFAULT_SLA_POLICY.hoursMode }).toEqual(
      DEFAULT_SLA_POLICY,
    );
    expect(new Set(Object.values(policy.hoursMode))).toEqual(new Set(['calendar']));
    for (const [severity, targets] of Object.entries(policy.targets)) {
      const minutes = {
        acknowledgement: targets.acknowledgement * 60,
        first_response: targets.first_response * 60,
        resolution: targets.resolution * 60,
      };
      expect({ severity, acknowledgementWithinAQuarterHour: minutes.acknowledgement <= 15 }).toEqual({
        severity,
        acknowledgementWithinAQuarterHour: true,
      });
      expect(minutes.acknowledgement).toBeLessThan(minutes.first_response);
      expect(minutes.first_response).toBeLessThan(minutes.resolution);
    }
  });

  describe('run by the complaints service (real Postgres and Kafka, time moved by hand)', () => {
    let config: ServiceConfig;
    let database: TestDatabase;
    let pool: Pool;
    let app: INestApplication;
    // A Saturday night in Beijing: under the default policy a housing-quality complaint's clock would not run.
    const clock = new ManualClock(new Date('2026-11-28T23:00:00+08:00'));
    const token = () => `Bearer ${signToken({ sub: 'agent-1', name: 'Agent', roles: ['agent'] }, config.jwtSecret)}`;
    const file = async (severity: string, category: string) =>
      (
        await request(app.getHttpServer())
          .post('/v1/complaints')
          .set('Authorization', token())
          .send({
            customerId: 'subj_7Hq2kLm9Xa',
            project: 'SH-PUDONG-07',
            region: 'east-china',
            category,
            severity,
            channel: 'hotline',
            description: 'Handover postponed twice.',
          })
          .expect(201)
      ).body.complaintId as string;
    const alertsOf = async (id: string) =>
      (
        await pool.query(
          `SELECT type, data FROM events WHERE stream_id = $1 AND type IN ('ComplaintSlaBreached', 'ComplaintEscalated')
           ORDER BY stream_version`,
          [id],
        )
      ).rows.map((r) =>
        r.type === 'ComplaintEscalated' ? `escalated to ${r.data.toLevel}` : `${r.data.target} breached`,
      );

    beforeAll(async () => {
      ({ config, database } = await testServiceConfig('demo_sla'));
      pool = new Pool({ connectionString: config.databaseUrl });
      // As the service reads it at start-up; only explicit ticks run (the interval is an hour).
      process.env.SLA_POLICY_FILE = DEMO_SLA_POLICY_FILE;
      try {
        app = await createComplaintsApp(config, { clock, slaCheckIntervalMs: 3_600_000 });
        await app.init();
      } finally {
        delete process.env.SLA_POLICY_FILE;
      }
    });

    afterAll(async () => {
      await app?.close();
      await pool?.end();
      await database?.drop();
    });

    it('breaches and escalates within minutes, whatever the hour: critical to the CEO office at 3, medium at 9', async () => {
      const scheduler = app.get(SlaScheduler);
      const critical = await file('critical', 'delivery');
      const medium = await file('medium', 'housing_quality');
      const view = await request(app.getHttpServer())
        .get(`/v1/complaints/${medium}`)
        .set('Authorization', token())
        .expect(200);
      expect(view.body.slaClocks.map((c: { hours: number; mode: string }) => [c.hours, c.mode])).toEqual([
        [0.15, 'calendar'],
        [0.5, 'calendar'],
        [1.5, 'calendar'],
      ]);

      clock.advance(3 * MINUTE - 1);
      await scheduler.tick();
      expect(await alertsOf(critical)).toEqual([]);

      clock.advance(1);
      await scheduler.tick();
      expect(await alertsOf(critical)).toEqual(['acknowledgement breached', 'escalated to ceo_office']);
      expect(await alertsOf(medium)).toEqual([]);

      clock.advance(6 * MINUTE);
      await scheduler.tick();
      expect(await alertsOf(medium)).toEqual(['acknowledgement breached', 'escalated to project']);
      expect(await alertsOf(critical)).toEqual([
        'acknowledgement breached',
        'escalated to ceo_office',
        'first_response breached',
      ]);
    });
  });
});
