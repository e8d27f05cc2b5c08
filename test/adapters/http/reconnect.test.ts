/**
 * Live events across a dropped connection, end to end (HTTP adapter ↔ msw handlers ↔ memory
 * backend): a quick reconnect resumes with no event lost or repeated; one that crosses a gap in
 * the server's memory gets `resync`.
 */
import { expect } from '@open-wc/testing';
import type { AgentEvent } from '../../../src/adapters/adapter.js';
import { SEED_IDS } from '../../../src/adapters/memory/index.js';
import { stopWorker } from '../../conformance/msw-worker.js';
import { httpFixture, sleep, until, type HttpFixture } from './fixture.js';

const RECONNECT_MS = 300;

/** A WebSocket constructor that counts the sockets it opens. */
function countingWebSocket() {
  const counter = { opened: 0 };
  const Counting = new Proxy(globalThis.WebSocket, {
    construct(target, args: ConstructorParameters<typeof WebSocket>) {
      counter.opened++;
      return new target(...args);
    },
  });
  return { counter, WebSocket: Counting };
}

const readOf = (log: AgentEvent[], id: string) =>
  log.filter(
    (e) => e.type === 'conversation.updated' && e.conversation.id === id && e.conversation.read,
  ).length;

const CASES: string[] = [
  SEED_IDS.jorge.conversationId,
  SEED_IDS.knownChat.conversationId,
  SEED_IDS.anonymousChat.conversationId,
];

describe('HTTP adapter: reconnect and resume', () => {
  let fixture: HttpFixture | undefined;
  afterEach(async () => fixture?.close());
  after(stopWorker);

  async function listening(lingerMs: number) {
    fixture = await httpFixture({ handlers: { live: { lingerMs } } });
    const { counter, WebSocket } = countingWebSocket();
    const { adapter: listener } = await fixture.agent('agent', {
      WebSocket,
      // random ≈ 1: the first reconnection waits the whole base delay, leaving time to act.
      reconnect: { baseMs: RECONNECT_MS, capMs: RECONNECT_MS, random: () => 0.999 },
    });
    const { adapter: actor } = await fixture.agent('supervisor');
    const log: AgentEvent[] = [];
    const stop = listener.subscribe((e) => log.push(e));
    await listener.settle();
    return { fixture, listener, actor, log, counter, stop };
  }

  it('a quick reconnect resumes: nothing lost, nothing twice, in order', async () => {
    const { fixture, listener, actor, log, counter } = await listening(5000);
    await actor.markRead(CASES[0]!);
    await until(() => readOf(log, CASES[0]!) === 1, 'the event before the drop');

    fixture.mock.disconnectAll();
    const started = performance.now();
    await actor.markRead(CASES[1]!);
    await actor.markRead(CASES[2]!);
    expect(performance.now() - started).to.be.below(RECONNECT_MS, 'acted while disconnected');
    expect(readOf(log, CASES[1]!)).to.equal(0, 'not delivered while disconnected');

    await listener.settle();
    expect(counter.opened).to.equal(2, 'one reconnection');
    for (const id of CASES) expect(readOf(log, id)).to.equal(1, `once: ${id}`);
    const order = log
      .filter((e) => e.type === 'conversation.updated')
      .map((e) => (e as { conversation: { id: string } }).conversation.id);
    expect(order.filter((id) => CASES.includes(id))).to.deep.equal(CASES);
    expect(log.some((e) => e.type === 'resync')).to.equal(false, 'no resync needed');
    const connection = log.filter((e) => e.type === 'connection');
    expect(connection).to.deep.equal(
      [
        { type: 'connection', live: false },
        { type: 'connection', live: true },
      ],
      'the drop and the recovery are told once each',
    );

    // And live events keep flowing on the new socket.
    await actor.setStatus(CASES[0]!, 'completed');
    await until(
      () =>
        log.some((e) => e.type === 'conversation.updated' && e.conversation.status === 'completed'),
      'a live event after the resume',
    );
  });

  it('a reconnect across a gap gets resync instead of a partial replay', async () => {
    const { fixture, listener, actor, log, counter } = await listening(0);
    fixture.mock.disconnectAll();
    // The only agent socket is gone, so the backend subscription ended: this event is not kept.
    await actor.markRead(CASES[1]!);
    await listener.settle();
    expect(counter.opened).to.equal(2);
    await until(() => log.some((e) => e.type === 'resync'), 'resync');
    expect(readOf(log, CASES[1]!)).to.equal(0, 'the missed event is not invented');
    await sleep(50);
    expect(log.filter((e) => e.type === 'resync')).to.have.length(1);

    await actor.markRead(CASES[2]!);
    await until(() => readOf(log, CASES[2]!) === 1, 'live again after the resync');
  });

  it('presence follows the socket: a dropped visitor goes offline, and back online', async () => {
    fixture = await httpFixture();
    const { adapter: agent } = await fixture.agent('agent');
    const visitor = fixture.visitor({
      reconnect: { baseMs: 100, capMs: 100, random: () => 0.999 },
    });
    await visitor.identify({ email: 'presencia@example.com' });
    await visitor.send({ clientId: 'c1', text: 'Hola' });
    const conversationId = (await visitor.resume()).conversation!.id;
    const log: AgentEvent[] = [];
    agent.subscribe((e) => log.push(e));
    await agent.settle();
    const stop = visitor.subscribe(() => undefined);
    await visitor.settle();
    const presence = () =>
      log
        .filter((e) => e.type === 'presence' && e.conversationId === conversationId)
        .map((e) => (e as { online: boolean }).online);
    await until(() => presence().length === 1, 'online');
    fixture.mock.disconnectAll({ side: 'visitor' });
    await visitor.settle();
    await agent.settle();
    await until(() => presence().length >= 3, 'offline then online again');
    expect(presence().slice(0, 3)).to.deep.equal([true, false, true]);
    stop();
    await until(() => presence().length === 4, 'offline after unsubscribe');
    expect(presence()[3]).to.equal(false);
  });
});
