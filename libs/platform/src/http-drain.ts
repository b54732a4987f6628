import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { NextFunction, Request, Response } from 'express';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import { LOGGER } from './metrics';

/** Past this, requests still running are cut off: Kubernetes kills the pod at 30 s (terminationGracePeriodSeconds). */
const DRAIN_TIMEOUT_MS = 20_000;

/**
 * The first step of a shutdown: stop taking connections and let the requests in flight finish, before the relay
 * and the consumers stop (Nest runs every module's onModuleDestroy before any beforeApplicationShutdown).
 * Keep-alive connections would hold the server open and even carry new requests: each response from now on
 * says `Connection: close`, and idle connections are closed at once.
 */
@Injectable()
export class HttpDrain implements OnModuleDestroy {
  private readonly inFlight = new Set<Response>();
  private readonly drainListeners = new Set<() => void>();
  private draining = false;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Express middleware, mounted first: knows every response not yet sent. */
  readonly track = (_request: Request, response: Response, next: NextFunction): void => {
    if (this.draining) response.setHeader('Connection', 'close');
    this.inFlight.add(response);
    response.on('close', () => this.inFlight.delete(response));
    next();
  };

  /**
   * Called when the drain starts: responses that never finish by themselves (server-sent events) end their
   * streams here, or the drain would wait for them until its deadline.
   */
  onDrain(listener: () => void): () => void {
    this.drainListeners.add(listener);
    return () => this.drainListeners.delete(listener);
  }

  async onModuleDestroy(): Promise<void> {
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    for (const listener of this.drainListeners) listener();
    if (!server?.listening) return;
    this.draining = true;
    for (const response of this.inFlight) if (!response.headersSent) response.setHeader('Connection', 'close');
    this.logger.info({ inFlight: this.inFlight.size }, 'shutting down: no new connections, finishing requests');
    const timer = setTimeout(() => {
      this.logger.warn({ inFlight: this.inFlight.size }, 'requests still running at the drain deadline; closing');
      server.closeAllConnections();
    }, DRAIN_TIMEOUT_MS);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    clearTimeout(timer);
  }
}
