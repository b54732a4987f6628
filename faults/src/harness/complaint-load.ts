import { randomBytes, randomUUID } from 'node:crypto';

export type CommandKind = 'file' | 'escalate';

interface CommandRequest {
  route: string;
  headers: Record<string, string>;
  body: unknown;
}

export interface CommandResult {
  kind: CommandKind;
  request: CommandRequest;
  complaintId?: string;
  idempotencyKey?: string;
  /** HTTP status; 'timeout' when no answer came within the request timeout (a hang), 'network' when refused. */
  status: number | 'timeout' | 'network';
  contentType: string;
  body: string;
  sentAt: number;
  answeredAt: number;
}

export interface LoadOptions {
  commands: number;
  perSecond: number;
  /** Share of commands that escalate a complaint filed earlier (the rest file new complaints). */
  escalateShare?: number;
  maxInFlight?: number;
}

const REQUEST_TIMEOUT_MS = 20_000;
/** The ladder below the CEO office: a complaint filed at the frontline can be escalated four times. */
const ESCALATIONS_TO_THE_TOP = 4;

/**
 * Sends commands to complaints at a steady rate, as clients would: new complaints (with an Idempotency-Key)
 * and escalations of complaints filed before. Records every answer; a request that gets none within 20 s is
 * recorded as a hang, never waited on longer.
 */
export class ComplaintLoad {
  readonly results: CommandResult[] = [];
  private sentCount = 0;
  private readonly sentWaiters: Array<{ count: number; resolve: () => void }> = [];
  /** How many times each accepted complaint went up. */
  private readonly escalations = new Map<string, number>();
  /** Accepted complaints below the top and not in flight: the ones an escalation may pick. */
  private readonly escalatable = new Set<string>();

  /** `targets` gives the complaints instances to spread the commands over (one or several). */
  constructor(
    private readonly targets: () => string[],
    private readonly token: string,
  ) {}

  get sent(): number {
    return this.sentCount;
  }

  /** Resolves once `count` commands have been sent. */
  untilSent(count: number): Promise<void> {
    if (this.sentCount >= count) return Promise.resolve();
    return new Promise((resolve) => this.sentWaiters.push({ count, resolve }));
  }

  /** Sends the commands; returns this run's results (`results` keeps every command this load sent). */
  async run({ commands, perSecond, escalateShare = 0.5, maxInFlight = 16 }: LoadOptions): Promise<CommandResult[]> {
    const started = Date.now();
    const inFlight = new Set<Promise<CommandResult>>();
    const results: CommandResult[] = [];
    for (let i = 0; i < commands; i++) {
      const due = started + (i * 1000) / perSecond;
      if (due > Date.now()) await sleep(due - Date.now());
      while (inFlight.size >= maxInFlight) await Promise.race(inFlight);
      const escalation = Math.random() < escalateShare ? this.takeEscalatable() : undefined;
      const target = this.targets()[i % this.targets().length];
      const request = (escalation ? this.escalate(target, escalation) : this.file(target)).then((result) => {
        inFlight.delete(request);
        results.push(result);
        return result;
      });
      inFlight.add(request);
      this.sentCount++;
      for (const waiter of this.sentWaiters.filter((w) => w.count <= this.sentCount)) {
        this.sentWaiters.splice(this.sentWaiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
    await Promise.all(inFlight);
    return results;
  }

  /** Files a complaint, with an Idempotency-Key. */
  file(target: string): Promise<CommandResult> {
    return this.filing(target, {
      route: '/v1/complaints',
      headers: { 'idempotency-key': randomUUID() },
      body: {
        customerId: `subj_${randomBytes(6).toString('hex')}`,
        project: 'SH-PUDONG-07',
        region: 'east-china',
        category: 'maintenance',
        severity: 'low',
        channel: 'hotline',
        description: 'Fault injection: a complaint filed under load',
      },
    });
  }

  /** What a client does after an error: the same filing again, same Idempotency-Key and body. */
  refile(target: string, refused: CommandResult): Promise<CommandResult> {
    return this.filing(target, refused.request);
  }

  private async filing(target: string, request: CommandRequest): Promise<CommandResult> {
    const result = await this.send(target, 'file', request);
    result.idempotencyKey = request.headers['idempotency-key'];
    if (result.status === 201) {
      result.complaintId = (JSON.parse(result.body) as { complaintId: string }).complaintId;
      if (!this.escalations.has(result.complaintId)) {
        this.escalations.set(result.complaintId, 0);
        this.escalatable.add(result.complaintId);
      }
    }
    return result;
  }

  private async escalate(target: string, complaintId: string): Promise<CommandResult> {
    const result = await this.send(target, 'escalate', {
      route: `/v1/complaints/${complaintId}/escalations`,
      headers: {},
      body: { reason: 'Fault injection: escalated under load' },
    });
    result.complaintId = complaintId;
    // After an answer other than 200 the complaint's level is unknown (it may have moved): it is not used again.
    if (result.status === 200) {
      const times = this.escalations.get(complaintId)! + 1;
      this.escalations.set(complaintId, times);
      if (times < ESCALATIONS_TO_THE_TOP) this.escalatable.add(complaintId);
    }
    return result;
  }

  /** A complaint not in flight that can still go up; it is back in the set once its escalation answered. */
  private takeEscalatable(): string | undefined {
    const keys = [...this.escalatable];
    if (keys.length === 0) return undefined;
    const complaintId = keys[Math.floor(Math.random() * keys.length)];
    this.escalatable.delete(complaintId);
    return complaintId;
  }

  private async send(target: string, kind: CommandKind, request: CommandRequest): Promise<CommandResult> {
    const sentAt = Date.now();
    const result: CommandResult = {
      kind,
      request,
      status: 'network',
      contentType: '',
      body: '',
      sentAt,
      answeredAt: 0,
    };
    try {
      const response = await fetch(`${target}${request.route}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json', ...request.headers },
        body: JSON.stringify(request.body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      result.status = response.status;
      result.contentType = response.headers.get('content-type') ?? '';
      result.body = await response.text();
    } catch (error) {
      result.status = (error as Error).name === 'TimeoutError' ? 'timeout' : 'network';
      result.body = String((error as Error).cause ?? (error as Error).message);
    }
    result.answeredAt = Date.now();
    this.results.push(result);
    return result;
  }
}

/** Accepted = answered 2xx: what a client was told happened. */
export function accepted(results: readonly CommandResult[]): CommandResult[] {
  return results.filter(isAccepted);
}

/** Everything else: an error status, no answer in time, or no connection. */
export function refused(results: readonly CommandResult[]): CommandResult[] {
  return results.filter((r) => !isAccepted(r));
}

export function isAccepted(result: CommandResult): boolean {
  return typeof result.status === 'number' && result.status >= 200 && result.status < 300;
}

/** "status: count" over the results, for failure messages. */
export function statusCounts(results: readonly CommandResult[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of results) counts[`${r.kind} ${r.status}`] = (counts[`${r.kind} ${r.status}`] ?? 0) + 1;
  return counts;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
