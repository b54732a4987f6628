import type { ArgumentsHost } from '@nestjs/common';
import type { Logger } from 'pino';
import { ProblemDetailsFilter } from './problem-details';

/** Runs the filter on an error as if a request to /v1/complaints had thrown it; returns what was sent. */
function answer(error: unknown) {
  const sent = { status: 0, headers: {} as Record<string, string>, type: '', body: '' };
  const response = {
    setHeader: (name: string, value: string) => void (sent.headers[name.toLowerCase()] = value),
    status: (status: number) => ((sent.status = status), response),
    type: (type: string) => ((sent.type = type), response),
    send: (body: string) => void (sent.body = body),
  };
  const host = {
    switchToHttp: () => ({ getRequest: () => ({ originalUrl: '/v1/complaints' }), getResponse: () => response }),
  } as unknown as ArgumentsHost;
  const logger = { error: () => undefined } as unknown as Logger;
  new ProblemDetailsFilter(logger).catch(error, host);
  return { ...sent, problem: JSON.parse(sent.body) };
}

describe('problem details when the database is down or restarting', () => {
  const unavailable: Array<[string, unknown]> = [
    ['refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    [
      'fast shutdown',
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
    ],
    ['database starting up', Object.assign(new Error('the database system is starting up'), { code: '57P03' })],
    ['lost connection', new Error('Connection terminated unexpectedly')],
    ['database out of connections', Object.assign(new Error('sorry, too many clients already'), { code: '53300' })],
  ];

  it.each(unavailable)('answers 503 problem+json with Retry-After and no stack on a %s', (_, error) => {
    const { status, type, headers, problem, body } = answer(error);
    expect(status).toBe(503);
    expect(type).toBe('application/problem+json');
    expect(headers['retry-after']).toBe('5');
    expect(problem).toMatchObject({ type: 'urn:cx:problem:service-unavailable', status: 503 });
    expect(body).not.toContain((error as Error).message);
  });

  it('still answers 500 for any other failure, a database error included', () => {
    const syntax = Object.assign(new Error('syntax error at or near "SELEC"'), { code: '42601' });
    expect(answer(syntax).problem).toMatchObject({ type: 'urn:cx:problem:internal', status: 500 });
    expect(answer(new TypeError('x is undefined')).status).toBe(500);
  });
});
