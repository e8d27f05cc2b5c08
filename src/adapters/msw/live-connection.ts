/**
 * One mocked WebSocket connection on the server side: `ready` first, then the feed's events.
 *
 * Live events are held until the client's first frame says where it stands — `resume` (replay
 * what it missed, or `reset`) or anything else (it is new) — so a replay never arrives after
 * newer live events. A client that says nothing gets them after `HOLD_MS`.
 */
import type { WebSocketHandlerConnection } from 'msw';
import {
  CLOSE_SHUTDOWN,
  HEARTBEAT_TIMEOUT_MS,
  parseClientFrame,
  type ServerFrame,
} from '../contract/index.js';
import type { Feed, FeedSink } from './feed.js';

type Client = WebSocketHandlerConnection['client'];

/** How long live events wait for the client's first frame. */
export const HOLD_MS = 1000;

export class LiveConnection<E> implements FeedSink<E> {
  private held: ServerFrame<E>[] | null = [];
  private holdTimer: ReturnType<typeof setTimeout> | undefined;
  private silenceTimer: ReturnType<typeof setTimeout> | undefined;
  private open = true;

  constructor(
    private readonly client: Client,
    private readonly feed: Feed<E>,
    private readonly onClosed: (connection: LiveConnection<E>) => void,
  ) {
    feed.attach(this);
    this.send({ type: 'ready', seq: feed.current });
    this.holdTimer = setTimeout(() => this.release(), HOLD_MS);
    this.armSilenceTimer();
    client.addEventListener('message', (event) => this.receive(String(event.data)));
    client.addEventListener('close', () => this.detach());
  }

  deliver(frame: ServerFrame<E>): void {
    if (this.held) this.held.push(frame);
    else this.send(frame);
  }

  /** Closes the socket from the server side (`CLOSE_SHUTDOWN` by default: clients reconnect). */
  close(code = CLOSE_SHUTDOWN, reason = 'closed by the server'): void {
    this.detach();
    this.client.close(code, reason);
  }

  private receive(data: string): void {
    this.armSilenceTimer();
    const frame = parseClientFrame(data);
    if (!frame) return;
    if (frame.type === 'ping') {
      this.release();
      this.send({ type: 'pong' });
      return;
    }
    // A resume after live events started cannot be replayed in order: start the client over.
    const replay = this.held ? this.feed.replay(frame.after) : null;
    this.held = null;
    clearTimeout(this.holdTimer);
    if (replay) for (const event of replay) this.send(event);
    else this.send({ type: 'reset', seq: this.feed.current });
  }

  private release(): void {
    clearTimeout(this.holdTimer);
    const held = this.held;
    this.held = null;
    for (const frame of held ?? []) this.send(frame);
  }

  private send(frame: ServerFrame<E>): void {
    if (this.open) this.client.send(JSON.stringify(frame));
  }

  /** A socket silent for longer than the heartbeat allows is closed (the client reconnects). */
  private armSilenceTimer(): void {
    clearTimeout(this.silenceTimer);
    this.silenceTimer = setTimeout(() => this.close(), HEARTBEAT_TIMEOUT_MS);
  }

  private detach(): void {
    if (!this.open) return;
    this.open = false;
    clearTimeout(this.holdTimer);
    clearTimeout(this.silenceTimer);
    this.feed.detach(this);
    this.onClosed(this);
  }
}
