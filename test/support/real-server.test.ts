import { expect } from '@open-wc/testing';
import type { AgentEvent } from '../../src/adapters/adapter.js';
import { chatReply } from '../../src/model/index.js';
import { startRealServer, type RealServer } from './real-server.js';

describe('startRealServer (browser tests against the reference server)', () => {
  let server: RealServer;
  before(async () => {
    server = await startRealServer();
  });
  after(() => server.stop());

  it('serves agents and visitors over HTTP and WebSocket, and takes inbound mail', async () => {
    const agent = await server.agent();
    const events: AgentEvent[] = [];
    const stop = agent.subscribe((e) => events.push(e));
    const visitor = server.visitor();
    await visitor.send({ clientId: 'c-1', text: 'Hola, ¿tienen talla M?' });
    const conversationId = (await visitor.resume()).conversation!.id;
    await agent.send(chatReply(conversationId, 'Sí, la tenemos.'));
    const history = await visitor.history();
    expect(history.items.map((m) => m.text)).to.include('Sí, la tenemos.');
    const id = await server.receiveEmail({
      from: { name: 'Rosa Vega', address: 'rosa.vega@example.pe' },
      to: [{ address: 'soporte@tiendaandina.pe' }],
      subject: 'Pedido 778',
      text: '¿Cuándo llega mi pedido?',
    });
    expect(id).to.be.a('string');
    await server.dropSockets();
    const deadline = Date.now() + 5000;
    while (!events.some((e) => e.type === 'message.created' && e.message.id === id)) {
      if (Date.now() > deadline) throw new Error('the inbound mail event never arrived');
      await new Promise((r) => setTimeout(r, 50));
    }
    stop();
  });
});
