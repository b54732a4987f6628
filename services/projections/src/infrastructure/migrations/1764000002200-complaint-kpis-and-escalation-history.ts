import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Complaint KPIs: one row per milestone (received, acknowledged, first response, resolved, reopened, reached
 * the CEO office, SLA breached, closed), and the daily figures as a view over them, so they can never drift
 * from the milestones. Days are the group's business days, Beijing time. Also the validity-interval history
 * of the escalation rows that answers what the CEO view showed at a past moment.
 */
export class ComplaintKpisAndEscalationHistory1764000002200 implements MigrationInterface {
  name = 'ComplaintKpisAndEscalationHistory1764000002200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE reporting.complaint_milestones_v1 (
        complaint_id      uuid        NOT NULL,
        stream_version    integer     NOT NULL,
        kind              text        NOT NULL CHECK (kind IN ('received', 'acknowledged', 'first_response',
                            'resolved', 'reopened', 'reached_ceo_office', 'sla_breached', 'closed')),
        occurred_at       timestamptz NOT NULL,
        project           text        NOT NULL,
        region            text        NOT NULL,
        category          text        NOT NULL,
        severity          text        NOT NULL,
        sla_target        text        CHECK (sla_target IN ('acknowledgement', 'first_response', 'resolution')),
        within_sla        boolean,
        hours_since_filing numeric,
        satisfaction      smallint    CHECK (satisfaction BETWEEN 1 AND 5),
        PRIMARY KEY (complaint_id, stream_version, kind)
      )`);
    await db.query('CREATE INDEX complaint_milestones_v1_by_time ON reporting.complaint_milestones_v1 (occurred_at)');
    await db.query(`
      CREATE VIEW reporting.complaint_kpis_daily AS
      SELECT (occurred_at AT TIME ZONE 'Asia/Shanghai')::date AS day, project, region, category,
             count(*) FILTER (WHERE kind = 'received') AS received,
             count(*) FILTER (WHERE kind = 'acknowledged') AS acknowledged,
             count(*) FILTER (WHERE kind = 'acknowledged' AND within_sla) AS acknowledged_on_time,
             count(*) FILTER (WHERE kind = 'first_response') AS first_responses,
             count(*) FILTER (WHERE kind = 'first_response' AND within_sla) AS first_response_on_time,
             count(*) FILTER (WHERE kind = 'resolved') AS resolved,
             count(*) FILTER (WHERE kind = 'resolved' AND within_sla) AS resolved_on_time,
             round(percentile_cont(0.5) WITHIN GROUP (ORDER BY hours_since_filing)
               FILTER (WHERE kind = 'resolved')::numeric, 2) AS median_hours_to_resolve,
             round(percentile_cont(0.9) WITHIN GROUP (ORDER BY hours_since_filing)
               FILTER (WHERE kind = 'resolved')::numeric, 2) AS p90_hours_to_resolve,
             count(*) FILTER (WHERE kind = 'reopened') AS reopened,
             count(*) FILTER (WHERE kind = 'reached_ceo_office') AS escalated_to_ceo,
             count(*) FILTER (WHERE kind = 'sla_breached') AS sla_breaches,
             count(*) FILTER (WHERE kind = 'closed') AS closed,
             round(avg(satisfaction), 2) AS satisfaction_average
        FROM reporting.complaint_milestones_v1
       GROUP BY 1, 2, 3, 4`);
    await db.query(`COMMENT ON VIEW reporting.complaint_kpis_daily IS
      'Complaint KPIs per business day (Beijing time), project, region and category. See services/projections/README.md.'`);
    await db.query(`
      CREATE TABLE reporting.complaint_escalations_history_v1 (
        complaint_id           uuid        NOT NULL,
        stream_version         integer     NOT NULL,
        valid_from             timestamptz NOT NULL,
        valid_to               timestamptz,
        project                text        NOT NULL,
        region                 text        NOT NULL,
        category               text        NOT NULL,
        severity               text        NOT NULL,
        channel                text        NOT NULL,
        status                 text        NOT NULL,
        escalation_level       text        NOT NULL,
        escalation_trail       jsonb       NOT NULL,
        filed_at               timestamptz NOT NULL,
        reached_ceo_office_at  timestamptz,
        resolved_at            timestamptz,
        sla_state              text        NOT NULL,
        hand_offs              integer     NOT NULL,
        repeat_complaint       boolean     NOT NULL,
        PRIMARY KEY (complaint_id, stream_version),
        CHECK (valid_to IS NULL OR valid_to >= valid_from)
      )`);
    await db.query(`
      CREATE INDEX complaint_escalations_history_v1_at_ceo
        ON reporting.complaint_escalations_history_v1 (valid_from, valid_to)
        WHERE status = 'open' AND escalation_level = 'ceo_office'`);
    await db.query(`
      CREATE UNIQUE INDEX complaint_escalations_history_v1_current
        ON reporting.complaint_escalations_history_v1 (complaint_id) WHERE valid_to IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE reporting.complaint_escalations_history_v1');
    await db.query('DROP VIEW reporting.complaint_kpis_daily');
    await db.query('DROP TABLE reporting.complaint_milestones_v1');
  }
}
