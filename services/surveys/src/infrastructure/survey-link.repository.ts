import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '@cx/platform';
import type { Pool, PoolClient } from 'pg';
import type { SurveyLinkUse } from '../domain/survey-response/survey-response.commands';
import { SurveyLinkAlreadyUsed } from '../domain/survey-response/survey-response.errors';

/** 256 random bits, URL-safe: the whole credential of a survey link. */
export function newLinkToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only the token's hash is stored: a copy of the table answers no survey. */
export function linkTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface NewSurveyLink {
  linkId: string;
  subjectId: string;
  token: string;
  expiresAt: string;
}

interface LinkRow {
  link_id: string;
  wave_id: string;
  subject_id: string;
  expires_at: Date;
  used_at: Date | null;
}

@Injectable()
export class SurveyLinkRepository {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /**
   * Written with SurveyLinksIssued: a link can be answered exactly when its event exists. A customer who holds a
   * link keeps it, as the decider does: only the links in the events are stored.
   */
  static saveLinks(waveId: string, links: readonly NewSurveyLink[]) {
    return async (tx: PoolClient): Promise<void> => {
      await tx.query(
        `INSERT INTO survey_links (link_id, token_hash, wave_id, subject_id, expires_at)
         SELECT l.link_id, l.token_hash, $1, l.subject_id, l.expires_at
           FROM unnest($2::uuid[], $3::text[], $4::text[], $5::timestamptz[])
                AS l(link_id, token_hash, subject_id, expires_at)
         ON CONFLICT (wave_id, subject_id) DO NOTHING`,
        [
          waveId,
          links.map((l) => l.linkId),
          links.map((l) => linkTokenHash(l.token)),
          links.map((l) => l.subjectId),
          links.map((l) => l.expiresAt),
        ],
      );
    };
  }

  /**
   * Written in the response's transaction: the link is marked used only while it is unused, so of two answers
   * racing through one link, the second finds it used, and its response is not recorded.
   */
  static useLink(linkId: string, responseId: string, usedAt: Date) {
    return async (tx: PoolClient): Promise<void> => {
      const used = await tx.query(
        'UPDATE survey_links SET used_at = $2, response_id = $3 WHERE link_id = $1 AND used_at IS NULL',
        [linkId, usedAt, responseId],
      );
      if (used.rowCount !== 1) throw new SurveyLinkAlreadyUsed(linkId, null);
    };
  }

  /** The link a token opens; null for a token no link has. */
  async byToken(token: string): Promise<SurveyLinkUse | null> {
    const { rows } = await this.pool.query<LinkRow>(
      'SELECT link_id, wave_id, subject_id, expires_at, used_at FROM survey_links WHERE token_hash = $1',
      [linkTokenHash(token)],
    );
    if (rows.length === 0) return null;
    const [link] = rows;
    return {
      linkId: link.link_id,
      waveId: link.wave_id,
      subjectId: link.subject_id,
      expiresAt: link.expires_at.toISOString(),
      usedAt: link.used_at?.toISOString() ?? null,
    };
  }
}
