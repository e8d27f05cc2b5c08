/**
 * Agents' live sockets (F-4.7). The server listens to the backend's agent events once, numbers
 * them in the `EventLog` and writes each serialized frame to every open agent socket.
 *
 * Presence: the server's listener only observes (`observeAgents`); each agent with an open socket
 * holds a backend subscription of their own, which is what makes them online — "agents online"
 * for visitors (F-5.3) and the case viewers list (collision hint). Both last while a socket is
 * open plus a grace period after the last one closed (`graceMs`): an agent whose connection
 * dropped reconnects and resumes without losing events, and others see them go offline that much
 * later (silent sockets already take up to the heartbeat timeout). When the listener stops, the
 * log records a gap: events nobody heard cannot be replayed, and older `after`s get `reset`.
 *
 * Ordering: a socket gets `ready` (the current seq), then live events as they happen. A `resume
 * {after}` replays the missed ones only while no live event was written to that socket yet
 * (otherwise the replay would arrive after newer events): in that race, or when the events are no
 * longer kept, the answer is `reset` and the client reloads its views.
 */
import type { WebSocket } from 'ws';
import type { AgentEvent, Unsubscribe } from '../../adapter.js';
import { parseClientFrame } from '../../contract/index.js';
import type { MemoryBackend } from '../../memory/index.js';
import type { Id } from '../../../model/index.js';
import { EventLog } from './event-log.js';
import type { SocketRegistry } from './socket-registry.js';

/** A socket this far behind is cut instead of buffering without bound (a stalled client). */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

interface AgentConnection {
  ws: WebSocket;
  /** The seq of the last frame written to this socket (`ready` counts). */
  lastSent: number;
  /** Whether a live event was written since `ready` (a replay would then be out of order). */
  liveSent: boolean;
}

const PONG = JSON.stringify({ type: 'pong' });

/** One agent's sockets and the backend subscription that keeps them online. */
interface AgentPresence {
  sockets: number;
  stop: Unsubscribe;
  grace?: ReturnType<typeof setTimeout>;
}

export class AgentLive {
  readonly log: EventLog<AgentEvent>;
  private readonly connections = new Set<AgentConnection>();
  private unsubscribe: Unsubscribe | undefined;
  private everSubscribed = false;
  private grace: ReturnType<typeof setTimeout> | undefined;
  private readonly present = new Map<Id, AgentPresence>();

  constructor(
    private readonly backend: MemoryBackend,
    private readonly registry: SocketRegistry,
    bufferSize: number,
    private readonly graceMs: number,
  ) {
    this.log = new EventLog<AgentEvent>(bufferSize);
  }

  get socketCount(): number {
    return this.connections.size;
  }

  /** Serves an authenticated agent socket. */
  attach(ws: WebSocket, agentId: Id): void {
    if (this.grace) clearTimeout(this.grace);
    this.grace = undefined;
    if (!this.unsubscribe) this.listen();
    this.arrive(agentId);
    const connection: AgentConnection = { ws, lastSent: this.log.seq, liveSent: false };
    this.connections.add(connection);
    this.registry.add(ws);
    ws.on('message', (data) => this.onFrame(connection, String(data)));
    ws.once('close', () => {
      this.leave(agentId);
      this.detach(connection);
    });
    ws.send(JSON.stringify({ type: 'ready', seq: this.log.seq }));
  }

  /** Whether the server is listening to the backend's agent events (so agents count online). */
  get listening(): boolean {
    return this.unsubscribe !== undefined;
  }

  private listen(): void {
    if (this.everSubscribed) this.log.gap();
    this.everSubscribed = true;
    this.unsubscribe = this.backend.observeAgents((event) => this.broadcast(event));
  }

  private arrive(agentId: Id): void {
    const presence = this.present.get(agentId);
    if (presence) {
      presence.sockets += 1;
      if (presence.grace) clearTimeout(presence.grace);
      delete presence.grace;
      return;
    }
    const stop = this.backend.agent(agentId).subscribe(() => undefined);
    this.present.set(agentId, { sockets: 1, stop });
  }

  private leave(agentId: Id): void {
    const presence = this.present.get(agentId);
    if (!presence || --presence.sockets > 0) return;
    const gone = () => {
      this.present.delete(agentId);
      presence.stop();
    };
    if (this.graceMs === 0) gone();
    else {
      presence.grace = setTimeout(gone, this.graceMs);
      presence.grace.unref();
    }
  }

  private detach(connection: AgentConnection): void {
    this.connections.delete(connection);
    if (this.connections.size > 0 || !this.unsubscribe) return;
    if (this.graceMs === 0) this.stopListening();
    else {
      this.grace = setTimeout(() => this.stopListening(), this.graceMs);
      this.grace.unref();
    }
  }

  private stopListening(): void {
    this.grace = undefined;
    const stop = this.unsubscribe;
    this.unsubscribe = undefined;
    stop?.();
  }

  private broadcast(event: AgentEvent): void {
    const { seq, frame } = this.log.append(event);
    for (const c of this.connections) {
      if (c.ws.readyState !== c.ws.OPEN) continue;
      if (c.ws.bufferedAmount > MAX_BUFFERED_BYTES) {
        c.ws.terminate();
        continue;
      }
      c.ws.send(frame);
      c.lastSent = seq;
      c.liveSent = true;
    }
  }

  private onFrame(c: AgentConnection, data: string): void {
    const frame = parseClientFrame(data);
    if (frame?.type === 'ping') c.ws.send(PONG);
    else if (frame?.type === 'resume') this.resume(c, frame.after);
  }

  private resume(c: AgentConnection, after: number): void {
    if (after <= this.log.seq && after >= c.lastSent) return; // nothing missed
    const missed = after <= this.log.seq && !c.liveSent ? this.log.since(after) : null;
    if (missed === null) {
      c.ws.send(JSON.stringify({ type: 'reset', seq: this.log.seq }));
      c.lastSent = this.log.seq;
      return;
    }
    for (const frame of missed) c.ws.send(frame);
    c.lastSent = this.log.seq;
  }

  /** Stops listening to the backend (shutdown); sockets are closed by the registry. */
  dispose(): void {
    if (this.grace) clearTimeout(this.grace);
    for (const presence of this.present.values()) {
      if (presence.grace) clearTimeout(presence.grace);
      presence.stop();
    }
    this.present.clear();
    this.stopListening();
    this.connections.clear();
  }
}
