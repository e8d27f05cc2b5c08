import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMemoryBackend, SEED_IDS } from '../../../src/adapters/memory/index.js';
import { withCarriedContent } from '../../../src/components/agent-panel/reply/carry.js';
import {
  emailDraftKey,
  findEmailTarget,
} from '../../../src/components/agent-panel/reply/email-target.js';
import {
  automaticChannel,
  caseRecipient,
  hasChatMessages,
  knownAddresses,
  replyChannels,
} from '../../../src/components/agent-panel/reply/reply-channels.js';
import { slashAt } from '../../../src/components/agent-panel/reply/slash.js';
import { TypingSignal } from '../../../src/components/agent-panel/reply/typing-signal.js';
import { newMessageDefaults } from '../../../src/components/mail-composer/compose-defaults.js';
import type { Attachment, ConversationDetail } from '../../../src/model/index.js';

const backend = createMemoryBackend();
const agent = backend.agent('agent');
const detailOf = (id: string) => agent.getConversation(id);

const online = (d: ConversationDetail): ConversationDetail => ({
  ...d,
  conversation: { ...d.conversation, visitorOnline: true },
  visitor: d.visitor && { ...d.visitor, online: true },
});

describe('reply channels (F-4.4)', () => {
  it('chat while the visitor is online, email when they are not and an address is known', async () => {
    const carla = await detailOf(SEED_IDS.knownChat.conversationId);
    assert.equal(automaticChannel(replyChannels(online(carla))), 'chat');
    const offline = replyChannels(carla);
    assert.equal(offline.online, false);
    assert.equal(offline.email.blocked, undefined);
    assert.equal(automaticChannel(offline), 'email');
  });

  it('email is blocked without an address; chat then stays, even offline', async () => {
    const anon = await detailOf(SEED_IDS.anonymousChat.conversationId);
    const channels = replyChannels(anon);
    assert.equal(channels.email.blocked, 'no-email');
    assert.equal(automaticChannel(channels), 'chat');
    assert.deepEqual(knownAddresses(anon), []);
    assert.equal(caseRecipient(anon), undefined);
  });

  it('email is blocked when the campaign does not answer chats by email', async () => {
    const emily = await detailOf(SEED_IDS.englishChat.conversationId);
    const campaign = await agent.campaign(SEED_IDS.englishChat.conversationId);
    assert.equal(campaign.chatFallbackToEmail, false);
    assert.equal(replyChannels(emily, campaign).email.blocked, 'no-fallback');
    assert.equal(replyChannels(emily).email.blocked, undefined, 'unknown until the campaign loads');
  });

  it('chat is blocked on an email-only case', async () => {
    const daniel = await detailOf(SEED_IDS.english.conversationId);
    const channels = replyChannels(daniel);
    assert.equal(channels.chat.blocked, 'no-visitor');
    assert.equal(automaticChannel(channels), 'email');
    assert.equal(hasChatMessages(daniel), false);
  });

  it('the visitor’s own address counts, and the case recipient carries the name', async () => {
    const anon = await detailOf(SEED_IDS.anonymousChat.conversationId);
    const identified: ConversationDetail = {
      ...anon,
      visitor: { ...anon.visitor!, email: 'Visita@Example.com', name: 'Rocío' },
    };
    assert.deepEqual(knownAddresses(identified), ['visita@example.com']);
    assert.deepEqual(caseRecipient(identified), { name: 'Rocío', address: 'visita@example.com' });
    assert.equal(replyChannels(identified).email.blocked, undefined);
  });
});

describe('email target', () => {
  it('replies to the newest inbound email, or starts a new one', async () => {
    const signal = new AbortController().signal;
    const valeria = await detailOf(SEED_IDS.mixedCase.conversationId);
    const target = await findEmailTarget(agent, valeria, signal);
    assert.equal(target.mode, 'reply');
    assert.equal(target.mode === 'reply' && target.message.direction, 'inbound');
    assert.equal(target.mode === 'reply' && target.message.channel, 'email');
    const carla = await detailOf(SEED_IDS.knownChat.conversationId);
    assert.deepEqual(await findEmailTarget(agent, carla, signal), { mode: 'new' });
    assert.deepEqual(emailDraftKey('c1', { mode: 'new' }), { conversationId: 'c1', mode: 'new' });
  });

  it('a new email is addressed to the case’s contact, with the case’s subject', () => {
    assert.deepEqual(newMessageDefaults({ name: 'Carla', email: 'Carla@Gmail.com' }, {}), {
      to: [{ name: 'Carla', address: 'carla@gmail.com' }],
      subject: '',
    });
    assert.deepEqual(newMessageDefaults(undefined, { subject: 'Pedido' }), {
      to: [],
      subject: 'Pedido',
    });
  });
});

describe('slash shortcut', () => {
  it('finds a /word that starts the text or a word, not one inside a word', () => {
    assert.deepEqual(slashAt('/env', 4), { from: 0, to: 4, query: 'env' });
    assert.deepEqual(slashAt('Hola /', 6), { from: 5, to: 6, query: '' });
    assert.deepEqual(slashAt('Hola\n/ta', 8), { from: 5, to: 8, query: 'ta' });
    assert.equal(slashAt('talla 1/2', 9), null);
    assert.equal(slashAt('https://x', 9), null);
    assert.equal(slashAt('/env listo', 10), null, 'a space ends it');
  });
});

describe('carrying a chat reply into an email', () => {
  const file: Attachment = {
    id: 'att-1',
    name: 'foto.jpg',
    size: 10,
    type: 'image/jpeg',
    kind: 'image',
    url: 'blob:x',
    inline: false,
  };
  const value = {
    to: [{ address: 'carla@gmail.com' }],
    cc: [],
    bcc: [],
    subject: '',
    html: '<p>Hola Carla,</p><p><br></p><p>Saludos</p>',
    text: 'Hola Carla,\n\nSaludos',
    attachments: [],
  };

  it('puts the text on the empty line between greeting and signature, with the files', () => {
    const out = withCarriedContent(value, { text: 'Línea 1\nLínea <2>', attachments: [file] });
    assert.equal(out.html, '<p>Hola Carla,</p><p>Línea 1<br>Línea &lt;2&gt;</p><p>Saludos</p>');
    assert.deepEqual(out.attachments, [file]);
    assert.deepEqual(out.to, value.to);
  });

  it('goes first when there is no empty line; files are not duplicated', () => {
    const out = withCarriedContent(
      { ...value, html: '<p>Borrador</p>', attachments: [file] },
      { text: 'Nuevo', attachments: [file] },
    );
    assert.equal(out.html, '<p>Nuevo</p><p>Borrador</p>');
    assert.deepEqual(out.attachments, [file]);
  });
});

describe('typing signal (F-5.4)', () => {
  const host = { addController() {}, removeController() {}, requestUpdate() {} } as never;
  const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('true once per throttle window, false after idle, on stop and for an empty field', async () => {
    const calls: Array<[string, boolean]> = [];
    const signal = new TypingSignal(host, {
      send: async (id, on) => void calls.push([id, on]),
      throttleMs: 60,
      idleMs: 100,
    });
    signal.input('c1', true);
    signal.input('c1', true);
    assert.deepEqual(calls, [['c1', true]]);
    await wait(70);
    signal.input('c1', true);
    assert.deepEqual(calls, [
      ['c1', true],
      ['c1', true],
    ]);
    await wait(130);
    assert.deepEqual(calls.at(-1), ['c1', false], 'idle');
    signal.input('c1', true);
    signal.input('c1', false);
    assert.deepEqual(calls.at(-1), ['c1', false], 'emptied');
    signal.input('c1', true);
    signal.input('c2', true);
    assert.deepEqual(calls.slice(-2), [
      ['c1', false],
      ['c2', true],
    ]);
    signal.stop();
    assert.deepEqual(calls.at(-1), ['c2', false]);
    const count = calls.length;
    signal.stop();
    assert.equal(calls.length, count, 'nothing to stop twice');
  });

  it('a failing call is not thrown at the typist', async () => {
    const signal = new TypingSignal(host, { send: () => Promise.reject(new Error('down')) });
    signal.input('c1', true);
    signal.stop();
    await wait(5);
  });
});
