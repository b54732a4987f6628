import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { HttpDrain, LOGGER, PG_POOL } from '@cx/platform';
import type { Response } from 'express';
import type { Pool } from 'pg';
import type { Logger } from 'pino';

const POLL_MS = 1_000;
/** A comment now and then keeps proxies from closing a quiet stream. */
const KEEPALIVE_POLLS = 15;

/**
 * What the CEO page shows, in a few numbers: the open CEO-office complaints (count and the sum of their last
 * applied positions: any event on one of them raises it, one arriving or leaving changes the count) and the
 * breaches this week. Both read an index; the consumer's path is left alone.
 */
const FINGERPRINT = `
  SELECT (SELECT count(*) || ':' || coalesce(sum(last_position), 0)
            FROM reporting.complaint_escalations_v1
           WHERE status = 'open' AND escalation_level = 'ceo_office')
      || ':' ||
         (SELECT count(*) FROM reporting.complaint_milestones_v1
           WHERE kind = 'sla_breached'
             AND occurred_at >= (date_trunc('week', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai'))
      AS fingerprint`;

/**
 * Server-sent events for open CEO pages: one poll of the read model per process and second, only while a page
 * listens, so it sees what any instance's consumer applied. A change sends `changed` (no data: each page fetches
 * its own rows with its own session and scope).
 */
@Injectable()
export class CeoViewChanges implements OnModuleDestroy {
  private readonly streams = new Set<Response>();
  private timer: NodeJS.Timeout | undefined;
  private last: string | undefined;
  private polls = 0;
  private polling = false;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(LOGGER) private readonly logger: Logger,
    drain: HttpDrain,
  ) {
    drain.onDrain(() => this.endAll());
  }

  /** Opens the stream once the current state is known, so every change after the page's next fetch is sent. */
  async subscribe(response: Response): Promise<void> {
    if (this.streams.size === 0) this.last = await this.fingerprint();
    response.status(200).set({
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache, no-transform',
      'X-Accel-Buffering': 'no',
    });
    response.flushHeaders();
    response.write('retry: 3000\n\n');
    this.streams.add(response);
    response.on('close', () => this.unsubscribe(response));
    this.timer ??= setInterval(() => void this.poll(), POLL_MS);
  }

  get listeners(): number {
    return this.streams.size;
  }

  private unsubscribe(response: Response): void {
    this.streams.delete(response);
    if (this.streams.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  private async fingerprint(): Promise<string> {
    return (await this.pool.query<{ fingerprint: string }>(FINGERPRINT)).rows[0].fingerprint;
  }

  private async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      const now = await this.fingerprint();
      const changed = now !== this.last;
      this.last = now;
      this.polls += 1;
      for (const stream of this.streams) {
        if (changed) stream.write('event: changed\ndata: {}\n\n');
        else if (this.polls % KEEPALIVE_POLLS === 0) stream.write(': keepalive\n\n');
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'CEO view change poll failed; trying again');
    } finally {
      this.polling = false;
    }
  }

  private endAll(): void {
    for (const stream of [...this.streams]) {
      stream.end();
      this.unsubscribe(stream);
    }
  }

  onModuleDestroy(): void {
    this.endAll();
  }
}
