import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createMemoryBackend, type MemoryBackend } from '../../../src/adapters/memory/index.js';
import { AdapterError, type AgentEvent } from '../../../src/adapters/adapter.js';
import {
  ChatSession,
  storedHistoryHint,
  storageKeys,
  type ChatState,
  type SessionStorage,
} from '../../../src/components/chat-widget/session/index.js';
import { chatReply } from '../../../src/model/index.js';

const KEY = 'http://chat.test:tienda';
const FAST = { baseMs: 20, capMs: 100 };

function memoryStorage(): SessionStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, String(v)),
    removeItem: (k) => void items.delete(k),
  };
}

const throwingStorage: SessionStorage = {
  getItem: () => {
    throw new DOMException('denied', 'SecurityError');
  },
  setItem: () => {
    throw new DOMException('denied', 'SecurityError');
  },
  removeItem: () => {
    throw new DOMException('denied', 'SecurityError');
  },
};

let uid = 0;
const device = () => `device-session-${Date.now()}-${uid++}`;

const sessions: ChatSession[] = [];
const unsubscribes: Array<() => void> = [];

afterEach(() => {
  for (const s of sessions.splice(0)) s.dispose();
  for (const u of unsubscribes.splice(0)) u();
});

/** A backend with an agent online (so no email is required) recording its events. */
function setup() {
  const backend = createMemoryBackend();
  const agent = backend.agent('agent');
  const events: AgentEvent[] = [];
  unsubscribes.push(agent.subscribe((e) => events.push(e)));
  return { backend, agent, events };
}

function session(
  backend: MemoryBackend,
  deviceId: string,
  storage: SessionStorage | null = memoryStorage(),
) {
  const s = new ChatSession(backend.visitor(deviceId), { storage, key: KEY, retry: FAST });
  sessions.push(s);
  return s;
}

const chat = (conversationId: string, text: string) => chatReply(conversationId, text);

const texts = (state: ChatState) => state.messages.map((m) => m.text);
const settled = (s: ChatSession) =>
  waitUntil(() => s.state.messages.every((m) => !m.local), 'every message confirmed', {
    timeout: 5000,
  });

/** What a window would render, to keep the state accessible-friendly (axe). */
async function render(state: ChatState) {
  return fixture(html`
    <section aria-label="Chat">
      <ul aria-live="polite">
        ${state.messages.map((m) => html`<li data-delivery=${m.delivery}>${m.text}</li>`)}
      </ul>
    </section>
  `);
}

describe('ChatSession (memory backend)', () => {
  it('sends: shown at once as sending, then sent; the agent sees it', async () => {
    const { backend, events } = setup();
    const s = session(backend, device());
    await s.start();
    expect(s.state.status).to.equal('ready');
    expect(s.state.conversation).to.equal(null);
    const clientId = s.send('Hola, ¿tienen envío a Cusco?');
    expect(s.state.messages.map((m) => [m.text, m.delivery, m.local])).to.deep.equal([
      ['Hola, ¿tienen envío a Cusco?', 'sending', true],
    ]);
    await settled(s);
    expect(s.state.messages).to.have.length(1);
    expect(s.state.messages[0]!.clientId).to.equal(clientId);
    expect(s.state.messages[0]!.delivery).to.equal('sent');
    await waitUntil(() =>
      events.some((e) => e.type === 'message.created' && e.message.clientId === clientId),
    );
    await waitUntil(() => s.state.conversation !== null, 'conversation known');
    await expect(await render(s.state)).to.be.accessible();
  });

  it('an agent reply arrives live, marks earlier messages read and counts unread while closed', async () => {
    const { backend, agent } = setup();
    const s = session(backend, device());
    await s.start();
    s.send('¿Hola?');
    await settled(s);
    await waitUntil(() => s.state.conversation !== null);
    const conversationId = s.state.conversation!.id;
    const changes: ChatState[] = [];
    s.subscribe((state) => changes.push(state));
    await agent.send(chat(conversationId, 'Hola, soy Lucía.'));
    await waitUntil(() => s.state.messages.length === 2, 'agent reply live');
    expect(s.state.messages[1]!.direction).to.equal('outbound');
    expect(s.state.messages[0]!.delivery).to.equal('read');
    expect(s.state.unread).to.equal(1);
    await agent.send(chat(conversationId, '¿En qué le ayudo?'));
    await waitUntil(() => s.state.unread === 2);
    s.open();
    expect(s.state.unread).to.equal(0);
    await agent.send(chat(conversationId, 'Sigo aquí.'));
    await waitUntil(() => s.state.messages.length === 4);
    expect(s.state.unread).to.equal(0, 'open: nothing unread');
    s.close();
    await agent.send(chat(conversationId, '¿Sigue ahí?'));
    await waitUntil(() => s.state.unread === 1);
    expect(changes.length).to.be.greaterThan(0);
  });

  it('shows the agent typing and clears it after a while', async () => {
    const { backend, agent } = setup();
    const s = new ChatSession(backend.visitor(device()), {
      storage: memoryStorage(),
      key: KEY,
      typingTimeoutMs: 200,
    });
    sessions.push(s);
    await s.start();
    s.send('hola');
    await settled(s);
    await waitUntil(() => s.state.conversation !== null);
    await agent.setTyping(s.state.conversation!.id, true);
    await waitUntil(() => s.state.agentTyping !== null, 'typing shown');
    expect(s.state.agentTyping!.name).to.be.a('string').and.not.equal('');
    await waitUntil(() => s.state.agentTyping === null, 'typing cleared', { timeout: 2000 });
  });

  it('a burst of 50 sends arrives exactly once each, in order', async () => {
    const { backend, agent } = setup();
    const s = session(backend, device());
    await s.start();
    const sent = Array.from({ length: 50 }, (_, i) => `mensaje ${i + 1}`);
    for (const text of sent) s.send(text);
    expect(texts(s.state)).to.deep.equal(sent);
    await settled(s);
    expect(texts(s.state)).to.deep.equal(sent);
    const detail = await agent.getConversation(s.state.conversation?.id ?? '');
    const chatInteraction = detail.interactions.find((i) => i.channel === 'chat')!;
    const page = await agent.listMessages(chatInteraction.id, { limit: 200 });
    expect(page.items.map((m) => m.text)).to.deep.equal(sent);
  });

  it('offline: messages stay sending and are delivered in order when back', async () => {
    const { backend } = setup();
    const s = session(backend, device());
    await s.start();
    backend.fault('offline');
    s.send('uno');
    s.send('dos');
    s.send('tres');
    await waitUntil(() => s.state.status === 'offline', 'offline shown');
    await new Promise((r) => setTimeout(r, 150));
    expect(s.state.messages.map((m) => m.delivery)).to.deep.equal([
      'sending',
      'sending',
      'sending',
    ]);
    backend.fault(null);
    await settled(s);
    expect(texts(s.state)).to.deep.equal(['uno', 'dos', 'tres']);
    expect(s.state.status).to.equal('ready');
  });

  it('reload while messages are pending: shown, resent and delivered exactly once', async () => {
    const { backend } = setup();
    const storage = memoryStorage();
    const id = device();
    const first = session(backend, id, storage);
    await first.start();
    first.send('antes');
    await settled(first);
    backend.fault('offline');
    first.send('pendiente 1');
    first.send('pendiente 2');
    await waitUntil(() => first.state.status === 'offline');
    expect(storage.items.get(storageKeys(KEY).outbox)).to.contain('pendiente 2');
    expect(storedHistoryHint(storage, KEY)).to.equal(true);
    first.dispose(); // the page goes away

    const second = session(backend, id, storage);
    expect(texts(second.state)).to.deep.equal(['pendiente 1', 'pendiente 2']);
    backend.fault(null);
    await second.start();
    await settled(second);
    expect(texts(second.state)).to.deep.equal(['antes', 'pendiente 1', 'pendiente 2']);
    expect(storage.items.has(storageKeys(KEY).outbox)).to.equal(false, 'outbox emptied');
    const server = await backend.visitor(id).resume();
    expect(server.messages.map((m) => m.text)).to.deep.equal([
      'antes',
      'pendiente 1',
      'pendiente 2',
    ]);
  });

  it('a lost answer is retried and the server dedupes it by client id', async () => {
    const { backend } = setup();
    const id = device();
    const real = backend.visitor(id);
    let drop = 2;
    const flaky = {
      ...real,
      resume: real.resume.bind(real),
      history: real.history.bind(real),
      identify: real.identify.bind(real),
      typing: real.typing.bind(real),
      upload: real.upload.bind(real),
      subscribe: real.subscribe.bind(real),
      async send(...args: Parameters<typeof real.send>) {
        const message = await real.send(...args);
        if (drop-- > 0) throw new AdapterError('offline', 'The answer was lost.');
        return message;
      },
    };
    const s = new ChatSession(flaky, { storage: memoryStorage(), key: KEY, retry: FAST });
    sessions.push(s);
    await s.start();
    s.send('una vez');
    s.send('otra vez');
    await settled(s);
    expect(texts(s.state)).to.deep.equal(['una vez', 'otra vez']);
    const server = await real.resume();
    expect(server.messages.map((m) => m.text)).to.deep.equal(['una vez', 'otra vez']);
  });

  it('storage that throws: works in memory and says it will not persist', async () => {
    const { backend } = setup();
    const s = session(backend, device(), throwingStorage);
    expect(s.state.persistent).to.equal(false);
    await s.start();
    s.send('en modo privado');
    await settled(s);
    expect(texts(s.state)).to.deep.equal(['en modo privado']);
    expect(storedHistoryHint(throwingStorage, KEY)).to.equal(false);
    const none = session(backend, device(), null);
    expect(none.state.persistent).to.equal(false);
    await render(s.state);
  });

  it('the history hint is set once there is a conversation', async () => {
    const { backend } = setup();
    const storage = memoryStorage();
    const s = session(backend, device(), storage);
    await s.start();
    expect(storedHistoryHint(storage, KEY)).to.equal(false);
    expect(s.hasHistory()).to.equal(false);
    s.send('hola');
    await settled(s);
    expect(storedHistoryHint(storage, KEY)).to.equal(true);
    expect(storage.items.get(`atento-chat:${KEY}:history`)).to.equal('1');
  });

  it('resync reloads and merges without duplicates', async () => {
    const { backend, agent } = setup();
    const id = device();
    const real = backend.visitor(id);
    let emit: ((e: Parameters<Parameters<typeof real.subscribe>[0]>[0]) => void) | null = null;
    const adapter = Object.assign(Object.create(real) as typeof real, {
      subscribe(listener: Parameters<typeof real.subscribe>[0]) {
        emit = listener;
        return real.subscribe(listener);
      },
    });
    const s = new ChatSession(adapter, { storage: memoryStorage(), key: KEY, retry: FAST });
    sessions.push(s);
    await s.start();
    for (const t of ['a', 'b', 'c']) s.send(t);
    await settled(s);
    await waitUntil(() => s.state.conversation !== null);
    await agent.send(chat(s.state.conversation!.id, 'respuesta'));
    await waitUntil(() => s.state.messages.length === 4);
    emit!({ type: 'resync' });
    emit!({ type: 'resync' });
    await new Promise((r) => setTimeout(r, 100));
    expect(texts(s.state)).to.deep.equal(['a', 'b', 'c', 'respuesta']);
    expect(new Set(s.state.messages.map((m) => m.id)).size).to.equal(4);
  });

  it('needs an email when no agent is online; an invalid one is refused before any request', async () => {
    const backend = createMemoryBackend();
    const s = session(backend, device());
    await s.start();
    expect(s.state.agentsOnline).to.equal(false);
    expect(s.state.needsEmail).to.equal(true);
    let error: unknown;
    try {
      await s.identify({ name: 'Rosa', email: 'rosa@@ejemplo' });
    } catch (e) {
      error = e;
    }
    expect(AdapterError.is(error, 'invalid')).to.equal(true);
    expect((error as AdapterError).field).to.equal('email');
    const id = s.send('hola sin correo');
    await waitUntil(() => s.state.messages[0]?.delivery === 'failed', 'refused');
    expect(s.state.messages[0]!.error?.field).to.equal('email');
    await s.identify({ name: 'Rosa', email: ' rosa@ejemplo.pe ' });
    expect(s.state.visitor?.email).to.equal('rosa@ejemplo.pe');
    expect(s.state.needsEmail).to.equal(false);
    await settled(s);
    expect(s.state.messages[0]!.clientId).to.equal(id);
  });

  it('retry and discard of a refused message', async () => {
    const backend = createMemoryBackend();
    const s = session(backend, device());
    await s.start();
    const a = s.send('uno');
    const b = s.send('dos');
    await waitUntil(() => s.state.messages.every((m) => m.delivery === 'failed'));
    expect(s.discard(a)).to.equal(true);
    expect(texts(s.state)).to.deep.equal(['dos']);
    const agent = backend.agent('agent');
    unsubscribes.push(agent.subscribe(() => {}));
    await waitUntil(() => s.state.agentsOnline, 'presence', { timeout: 2000 }).catch(() => {});
    expect(s.retry(b)).to.equal(true);
    await settled(s);
    expect(texts(s.state)).to.deep.equal(['dos']);
    expect(s.retry('nope')).to.equal(false);
  });

  it('loads older messages', async () => {
    const { backend } = setup();
    const id = device();
    const s = session(backend, id);
    await s.start();
    for (let i = 0; i < 60; i++) s.send(`m${i}`);
    await settled(s);
    const fresh = session(backend, id);
    await fresh.start();
    expect(fresh.state.hasMore).to.equal(true);
    const shown = fresh.state.messages.length;
    expect(shown).to.be.lessThan(60);
    while (fresh.state.hasMore) await fresh.loadOlder();
    expect(texts(fresh.state)).to.deep.equal(Array.from({ length: 60 }, (_, i) => `m${i}`));
  });

  it('two tabs of one visitor: the other tab shows a pending message, then one copy each', async () => {
    const { backend } = setup();
    const storage = memoryStorage();
    const id = device();
    const a = session(backend, id, storage);
    const b = session(backend, id, storage);
    await Promise.all([a.start(), b.start()]);
    backend.fault('offline');
    a.send('desde la pestaña A');
    // Browsers fire `storage` in the other tabs only; here both share one window.
    const key = storageKeys(KEY).outbox;
    window.dispatchEvent(new StorageEvent('storage', { key, newValue: storage.getItem(key) }));
    expect(texts(b.state)).to.deep.equal(['desde la pestaña A']);
    expect(b.state.messages[0]!.local).to.equal(true);
    backend.fault(null);
    await settled(a);
    await settled(b);
    expect(texts(a.state)).to.deep.equal(['desde la pestaña A']);
    expect(texts(b.state)).to.deep.equal(['desde la pestaña A']);
    const server = await backend.visitor(id).resume();
    expect(server.messages).to.have.length(1);
  });
});
