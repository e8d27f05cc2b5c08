/**
 * Visitors' live sockets (F-4.7, F-5.4). Each socket holds its own subscription to
 * `backend.visitor(deviceId)`: that subscription is what makes the visitor online for agents, and
 * it only ever carries events of the device's own conversation. Sequence numbers are per socket,
 * so a reconnecting widget that asks to `resume` is always told `reset` (it calls `resume()`,
 * which returns the latest history).
 */
import type { WebSocket } from 'ws';
import { parseClientFrame } from '../../contract/index.js';
import type { MemoryBackend } from '../../memory/index.js';
import type { SocketRegistry } from './socket-registry.js';

const PONG = JSON.stringify({ type: 'pong' });

export class VisitorLive {
  private count = 0;

  constructor(
    private readonly backend: MemoryBackend,
    private readonly registry: SocketRegistry,
  ) {}

  get socketCount(): number {
    return this.count;
  }

  /** Serves an authenticated visitor socket of `deviceId`. */
  attach(ws: WebSocket, deviceId: string): void {
    let seq = 0;
    this.registry.add(ws);
    ws.send('{"type":"ready","seq":0}');
    const unsubscribe = this.backend.visitor(deviceId).subscribe((event) => {
      if (ws.readyState !== ws.OPEN) return;
      seq += 1;
      ws.send(`{"type":"event","seq":${seq},"event":${JSON.stringify(event)}}`);
    });
    this.count += 1;
    ws.on('message', (data) => {
      const frame = parseClientFrame(String(data));
      if (frame?.type === 'ping') ws.send(PONG);
      else if (frame?.type === 'resume') ws.send(JSON.stringify({ type: 'reset', seq }));
    });
    ws.once('close', () => {
      this.count -= 1;
      unsubscribe();
    });
  }
}
