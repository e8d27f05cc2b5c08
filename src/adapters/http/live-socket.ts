/**
 * The live-event socket of one adapter (F-4.7, F-5.4), shared by all of its listeners: opened by
 * the first subscriber, closed after the last leaves, so "online" (presence) means "someone is
 * listening". Frames follow `contract/socket.ts`.
 *
 * Invariants:
 * - No event is delivered twice: frames whose `seq` is not above the last delivered are dropped.
 * - None is lost silently: after an unplanned drop the socket reconnects (backoff with full
 *   jitter) and asks for what it missed (`resume`); when the server no longer has it (`reset`),
 *   listeners get `{ type: 'resync' }` and reload.
 * - The first frame after opening is always `resume` or `ping`, so a server may hold live events
 *   until it knows where the client stands (replay first, then live).
 * - A socket refused with `CLOSE_UNAUTHORIZED` is not retried unless `onUnauthorized` asks to.
 * - Listeners hear `{ type: 'connection', live: false }` when an open stream drops and
 *   `{ type: 'connection', live: true }` once it is back, so views can say they may be stale.
 */
import { AdapterError, type ConnectionEvent, type Unsubscribe } from '../adapter.js';
import {
  CLOSE_UNAUTHORIZED,
  HEARTBEAT_MS,
  HEARTBEAT_TIMEOUT_MS,
  type ClientFrame,
  type ServerFrame,
} from '../contract/index.js';
import { Backoff, type ReconnectOptions } from './backoff.js';

export interface LiveSocketOptions {
  /** The socket URL, resolved per connection (a visitor may need a device token first). */
  url(): Promise<string>;
  /** Overrides the runtime's WebSocket (Node 20 has none: pass `ws`). */
  WebSocket?: typeof WebSocket;
  reconnect?: ReconnectOptions;
  /**
   * The server refused the token. Return `'retry'` to reconnect (after getting a new identity),
   * anything else to stop until every listener has left and one subscribes again.
   */
  onUnauthorized?(): 'retry' | void;
}

type Resync = { type: 'resync' } | ConnectionEvent;
type Listener<E> = { fn: (event: E | Resync) => void };

const OPEN = 1;

export class LiveSocket<E> {
  private readonly listeners = new Set<Listener<E>>();
  private readonly backoff: Backoff;
  private socket: WebSocket | null = null;
  /** The seq of the last event delivered on this logical stream; `null` before the first `ready`. */
  private lastSeq: number | null = null;
  private ready = false;
  /** Listeners were told the connection is lost (and not yet that it is back). */
  private down = false;
  private closed = false;
  private stopped = false;
  /** Bumped whenever pending connection attempts must be forgotten. */
  private generation = 0;
  private lastFrameAt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private stableTimer: ReturnType<typeof setTimeout> | undefined;
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private readyWaiters: Array<() => void> = [];
  private pongWaiters: Array<(ok: boolean) => void> = [];

  constructor(private readonly options: LiveSocketOptions) {
    this.backoff = new Backoff(options.reconnect);
  }

  subscribe(fn: (event: E | Resync) => void): Unsubscribe {
    if (this.closed) throw new AdapterError('unavailable', 'This adapter was closed.');
    if (!this.WebSocket) {
      throw new AdapterError('unavailable', 'No WebSocket implementation: pass one in options.');
    }
    const listener = { fn };
    this.listeners.add(listener);
    if (this.listeners.size === 1) this.start();
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  /**
   * Resolves once the socket is open and acknowledged and every frame the server sent before now
   * has been delivered (a `ping`/`pong` round trip: frames arrive in order). Resolves at once when
   * nobody listens.
   */
  async settle(): Promise<void> {
    while (this.listeners.size > 0 && !this.closed && !this.stopped) {
      await this.whenReady();
      if (!this.ready) continue;
      const pong = new Promise<boolean>((resolve) => this.pongWaiters.push(resolve));
      this.send({ type: 'ping' });
      if (await pong) return;
    }
  }

  /** Closes for good: listeners are dropped and nothing reconnects. */
  close(): void {
    this.closed = true;
    this.listeners.clear();
    this.stop();
  }

  private get WebSocket(): typeof WebSocket | undefined {
    return this.options.WebSocket ?? (globalThis.WebSocket as typeof WebSocket | undefined);
  }

  private start(): void {
    this.stopped = false;
    this.backoff.reset();
    void this.connect();
  }

  private stop(): void {
    this.generation++;
    this.clearTimers();
    const socket = this.socket;
    this.socket = null;
    this.ready = false;
    this.down = false;
    this.lastSeq = null;
    socket?.close(1000);
    this.wakeWaiters();
  }

  private async connect(): Promise<void> {
    const generation = ++this.generation;
    let socket: WebSocket;
    try {
      const url = await this.options.url();
      if (generation !== this.generation) return;
      socket = new this.WebSocket!(url);
    } catch {
      if (generation === this.generation) this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    this.ready = false;
    socket.onopen = () => {
      if (this.socket !== socket) return;
      this.lastFrameAt = Date.now();
      this.send(this.lastSeq === null ? { type: 'ping' } : { type: 'resume', after: this.lastSeq });
      this.heartbeat = setInterval(() => this.beat(socket), HEARTBEAT_MS);
      this.stableTimer = setTimeout(() => this.backoff.reset(), this.backoff.stableMs);
    };
    socket.onmessage = (event: MessageEvent) => {
      if (this.socket === socket) this.receive(String(event.data));
    };
    socket.onclose = (event: CloseEvent) => {
      if (this.socket === socket) this.dropped(event.code);
    };
  }

  private receive(data: string): void {
    this.lastFrameAt = Date.now();
    let frame: ServerFrame<E>;
    try {
      frame = JSON.parse(data) as ServerFrame<E>;
    } catch {
      return; // Not a frame of the contract: ignored, as servers ignore unknown client frames.
    }
    switch (frame.type) {
      case 'ready':
        if (this.lastSeq === null) this.lastSeq = frame.seq;
        this.ready = true;
        if (this.down) {
          this.down = false;
          this.deliver({ type: 'connection', live: true });
        }
        this.wakeReadyWaiters();
        break;
      case 'event':
        if (this.lastSeq !== null && frame.seq <= this.lastSeq) return;
        this.lastSeq = frame.seq;
        this.deliver(frame.event);
        break;
      case 'reset':
        this.lastSeq = frame.seq;
        this.deliver({ type: 'resync' });
        break;
      case 'pong':
        for (const wake of this.pongWaiters.splice(0)) wake(true);
        break;
    }
  }

  private deliver(event: E | Resync): void {
    for (const listener of [...this.listeners]) {
      if (!this.listeners.has(listener)) continue;
      try {
        listener.fn(structuredClone(event));
      } catch (error) {
        report(error);
      }
    }
  }

  private dropped(code: number): void {
    this.socket = null;
    this.ready = false;
    this.clearTimers();
    for (const wake of this.pongWaiters.splice(0)) wake(false);
    if (this.listeners.size === 0 || this.closed) return;
    if (!this.down) {
      this.down = true;
      this.deliver({ type: 'connection', live: false });
    }
    if (code === CLOSE_UNAUTHORIZED) {
      if (this.options.onUnauthorized?.() !== 'retry') {
        this.stopped = true;
        this.wakeWaiters();
        return;
      }
      // A new identity is a new stream: start over and tell listeners to reload.
      this.lastSeq = null;
      this.deliver({ type: 'resync' });
    }
    this.scheduleReconnect();
  }

  /** Pings, or gives up on a socket the server has not spoken on for too long. */
  private beat(socket: WebSocket): void {
    if (Date.now() - this.lastFrameAt <= HEARTBEAT_TIMEOUT_MS) {
      this.send({ type: 'ping' });
      return;
    }
    this.socket = null;
    socket.close(4000, 'heartbeat timeout');
    this.dropped(4000);
  }

  private scheduleReconnect(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.connect(), this.backoff.next());
  }

  private send(frame: ClientFrame): void {
    if (this.socket?.readyState === OPEN) this.socket.send(JSON.stringify(frame));
  }

  private whenReady(): Promise<void> {
    if (this.ready || this.listeners.size === 0 || this.closed || this.stopped) {
      return Promise.resolve();
    }
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  private wakeReadyWaiters(): void {
    for (const wake of this.readyWaiters.splice(0)) wake();
  }

  private wakeWaiters(): void {
    this.wakeReadyWaiters();
    for (const wake of this.pongWaiters.splice(0)) wake(false);
  }

  private clearTimers(): void {
    clearTimeout(this.retryTimer);
    clearTimeout(this.stableTimer);
    clearInterval(this.heartbeat);
    this.retryTimer = this.stableTimer = this.heartbeat = undefined;
  }
}

function report(error: unknown): void {
  const reportError = (globalThis as { reportError?: (e: unknown) => void }).reportError;
  if (typeof reportError === 'function') reportError(error);
  else console.error(error);
}
