import { createServer, Server, Socket, connect } from 'node:net';

/**
 * A TCP proxy between the services and the broker's proxied listener (which advertises the proxy's address,
 * so clients stay behind it after their first metadata request). It can delay every chunk in both directions
 * and reset every connection (RST, as a dropped NAT entry or a failed load balancer would).
 */
export class TcpProxy {
  private server?: Server;
  private readonly connections = new Set<Socket>();
  private latencyMs = 0;
  resets = 0;

  constructor(
    private readonly listenPort: number,
    private readonly upstreamPort: number,
  ) {}

  get address(): string {
    return `127.0.0.1:${this.listenPort}`;
  }

  async start(): Promise<void> {
    this.server = createServer((client) => this.accept(client));
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(this.listenPort, '127.0.0.1', () => resolve());
    });
  }

  /** Every chunk from now on waits this long before it is passed on, in order. */
  setLatency(ms: number): void {
    this.latencyMs = ms;
  }

  /** Resets every open connection; clients reconnect through the proxy. */
  resetAll(): void {
    for (const socket of this.connections) socket.resetAndDestroy();
    this.resets++;
  }

  async stop(): Promise<void> {
    for (const socket of this.connections) socket.destroy();
    await new Promise((resolve) => (this.server ? this.server.close(resolve) : resolve(undefined)));
  }

  private accept(client: Socket): void {
    const upstream = connect(this.upstreamPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      this.connections.add(socket);
      socket.on('close', () => this.connections.delete(socket));
      // A reset or a peer gone is what this proxy is for: the other side is closed too.
      socket.on('error', () => undefined);
    }
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    this.pipe(client, upstream);
    this.pipe(upstream, client);
  }

  /** Passes chunks on in arrival order, each no sooner than its arrival plus the latency. */
  private pipe(from: Socket, to: Socket): void {
    const queue: Array<{ due: number; chunk: Buffer }> = [];
    let timer: NodeJS.Timeout | undefined;
    const drain = () => {
      timer = undefined;
      while (queue.length > 0 && queue[0].due <= Date.now()) {
        const { chunk } = queue.shift()!;
        if (to.writable) to.write(chunk);
      }
      if (queue.length > 0) timer = setTimeout(drain, queue[0].due - Date.now());
    };
    from.on('data', (chunk: Buffer) => {
      queue.push({ due: Date.now() + this.latencyMs, chunk });
      if (!timer) drain();
    });
    from.on('close', () => clearTimeout(timer));
  }
}
