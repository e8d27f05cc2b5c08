/**
 * Every open WebSocket of the server, with when it was last heard from. One timer sweeps them all
 * (no timer per socket): a socket silent for longer than the timeout is cut, since a peer that
 * stopped pinging is gone or unreachable and would otherwise hold its presence forever.
 */
import type { WebSocket } from 'ws';

interface Entry {
  lastSeen: number;
}

export class SocketRegistry {
  private readonly sockets = new Map<WebSocket, Entry>();
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly timeoutMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.sockets.size;
  }

  /** Cuts every socket at once, as a network failure would (clients reconnect and resume). */
  dropAll(): void {
    for (const ws of this.sockets.keys()) ws.terminate();
  }

  add(ws: WebSocket): void {
    this.sockets.set(ws, { lastSeen: this.now() });
    const seen = () => this.touch(ws);
    ws.on('message', seen);
    ws.on('pong', seen);
    ws.once('close', () => this.sockets.delete(ws));
    this.timer ??= setInterval(
      () => this.sweep(),
      Math.max(50, Math.min(this.timeoutMs / 4, 5000)),
    );
    this.timer.unref();
  }

  touch(ws: WebSocket): void {
    const entry = this.sockets.get(ws);
    if (entry) entry.lastSeen = this.now();
  }

  /** Cuts the sockets silent for longer than the timeout. */
  sweep(): void {
    const limit = this.now() - this.timeoutMs;
    for (const [ws, entry] of this.sockets) if (entry.lastSeen < limit) ws.terminate();
  }

  /** Closes every socket with `code` (shutdown), and stops the sweeper. */
  closeAll(code: number, reason: string): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    for (const ws of this.sockets.keys()) ws.close(code, reason);
  }
}
