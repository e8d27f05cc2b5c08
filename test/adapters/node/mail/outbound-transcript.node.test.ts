/**
 * The chat transcript of an email reply to a chat case (F-4.5), as the customer's mail server
 * receives it, as the agent's thread shows it, and as the visitor's widget does not repeat it.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import PostalMime from 'postal-mime';
import { storeOf } from '../../../../src/adapters/memory/backend.js';
import { SEED_IDS } from '../../../../src/adapters/memory/index.js';
import { chatReply, type OutgoingMessage } from '../../../../src/model/index.js';
import { startSmtpPeer, type SmtpPeer } from '../../../support/smtp-peer.js';
import {
  andinaMailbox,
  openOutboundBackend,
  waitForStatus,
  type OutboundBackend,
} from './outbound-helpers.js';

const HOSTILE = '<img src=x onerror=alert(1)> & "comillas"\nsegunda línea';

describe('chat transcript in an email reply', () => {
  let peer: SmtpPeer;
  let env: OutboundBackend;
  let seq = 0;

  before(async () => {
    peer = await startSmtpPeer();
  });
  after(async () => {
    await peer.close();
  });
  beforeEach(async () => {
    peer.received.length = 0;
    const mailbox = andinaMailbox({ smtp: peer.settings() });
    env = await openOutboundBackend({ mailboxes: [mailbox], undoSendSeconds: 0.2 });
  });
  afterEach(() => env.remove());

  /** A new website chat: the visitor leaves name and email, writes, the agent answers by chat. */
  async function chatCase() {
    const n = ++seq;
    const email = `valentina.${n}@example.com`;
    const visitor = env.backend.visitor(`device-transcript-${n}`);
    await visitor.identify({ name: 'Valentina Ríos', email });
    await visitor.send({ clientId: `c${n}-1`, text: 'Hola, mi pedido llegó incompleto' });
    const { conversation } = await visitor.resume();
    const conversationId = conversation!.id;
    const agent = env.backend.agent('agent');
    await agent.send(chatReply(conversationId, 'Lo siento, ¿qué producto falta?'));
    await visitor.send({ clientId: `c${n}-2`, text: HOSTILE });
    const email1: OutgoingMessage = {
      conversationId,
      mode: 'new',
      channel: 'email',
      to: [{ name: 'Valentina Ríos', address: email }],
      cc: [],
      bcc: [],
      subject: 'Su pedido incompleto',
      html: '<p>Le enviamos el producto que faltaba.</p>',
      text: 'Le enviamos el producto que faltaba.',
      attachmentIds: [],
    };
    return { visitor, agent, conversationId, email1 };
  }

  it('goes below the reply, in HTML and text, escaped, as sent and as stored', async () => {
    const { agent, visitor, email1 } = await chatCase();
    const { message } = await agent.send(email1);
    assert.equal(
      message.text,
      'Le enviamos el producto que faltaba.',
      'not while it can be cancelled',
    );
    const [mail] = await peer.waitFor(1);
    const stored = await waitForStatus(env.backend, message, 'sent');
    assert.equal(peer.received.length, 1, 'the chat reply never went through the relay');
    const parsed = await PostalMime.parse(mail!.raw);

    const text = parsed.text ?? '';
    assert.ok(text.startsWith('Le enviamos el producto que faltaba.'), 'the reply comes first');
    const transcript = text.slice(text.indexOf('\n-- \nChat\n'));
    assert.match(
      transcript,
      /\[\d{4}-\d\d-\d\d \d\d:\d\d UTC\] Valentina Ríos: Hola, mi pedido llegó incompleto/,
    );
    assert.match(transcript, /\] Lucía Ramos: Lo siento, ¿qué producto falta\?/);
    assert.ok(
      transcript.includes(
        'Valentina Ríos: <img src=x onerror=alert(1)> & "comillas"\n    segunda línea',
      ),
    );
    const order = ['mi pedido llegó', 'qué producto falta', 'onerror'].map((s) =>
      transcript.indexOf(s),
    );
    assert.deepEqual(
      [...order].sort((a, b) => a - b),
      order,
      'oldest first',
    );

    const html = parsed.html ?? '';
    assert.ok(html.indexOf('Le enviamos el producto') < html.indexOf('data-atento-transcript'));
    assert.ok(
      html.includes(
        '&lt;img src=x onerror=alert(1)&gt; &amp; &quot;comillas&quot;<br>segunda línea',
      ),
    );
    assert.ok(!html.includes('<img src=x'), 'chat text is never HTML');
    assert.ok(html.includes('<strong>Valentina Ríos</strong>'));

    assert.equal(
      stored.text.trimEnd(),
      parsed.text?.replace(/\r\n/g, '\n').trimEnd(),
      'the thread shows what was sent',
    );
    assert.ok(stored.html?.includes('data-atento-transcript'));

    const history = await visitor.history();
    const seen = history.items.find((m) => m.id === message.id);
    assert.equal(
      seen?.text,
      'Le enviamos el producto que faltaba.',
      'the widget does not repeat the chat',
    );
  });

  it('a later email carries only the chat since the previous one', async () => {
    const { agent, visitor, conversationId, email1 } = await chatCase();
    const first = await agent.send(email1);
    await waitForStatus(env.backend, first.message, 'sent');
    await visitor.send({ clientId: `late-${seq}`, text: 'Gracias, ¿llega mañana?' });
    const second = await agent.send({
      ...email1,
      subject: 'Entrega',
      html: '<p>Sí, mañana.</p>',
      text: 'Sí, mañana.',
      conversationId,
    });
    const [, mail] = await peer.waitFor(2);
    const text = (await PostalMime.parse(mail!.raw)).text ?? '';
    assert.match(text, /Valentina Ríos: Gracias, ¿llega mañana\?/);
    assert.ok(
      !text.includes('mi pedido llegó incompleto'),
      'the first part went with the first email',
    );
    await waitForStatus(env.backend, second.message, 'sent');
  });

  it('a send cancelled inside the window gives back the draft without a transcript', async () => {
    const { agent, email1 } = await chatCase();
    const { message } = await agent.send(email1);
    const draft = await agent.cancelSend(message.id);
    assert.equal(draft.html, '<p>Le enviamos el producto que faltaba.</p>');
    assert.equal(draft.text, 'Le enviamos el producto que faltaba.');
    assert.equal(storeOf(env.backend).messages.get(message.id)?.status, 'cancelled');
    assert.equal(peer.received.length, 0);
  });

  it('an email case without chat gets no transcript', async () => {
    const agent = env.backend.agent('agent');
    const { message } = await agent.send({
      conversationId: SEED_IDS.english.conversationId,
      mode: 'new',
      channel: 'email',
      to: [{ address: SEED_IDS.english.address }],
      cc: [],
      bcc: [],
      subject: 'Your order',
      html: '<p>On its way.</p>',
      text: 'On its way.',
      attachmentIds: [],
    });
    const stored = await waitForStatus(env.backend, message, 'sent');
    assert.equal(stored.text, 'On its way.');
    assert.equal(stored.html, '<p>On its way.</p>');
  });
});
