/**
 * The copy of sent mail in the IMAP Sent folder (F-6.5), against a real Dovecot
 * (test/support/dovecot.ts) and a real SMTP peer.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import PostalMime from 'postal-mime';
import { storeOf } from '../../../../src/adapters/memory/backend.js';
import type { MailboxConfig } from '../../../../src/adapters/node/mail/mailbox-config.js';
import { startDovecot, type Dovecot } from '../../../support/dovecot.js';
import { startSmtpPeer, type SmtpPeer } from '../../../support/smtp-peer.js';
import {
  andinaMailbox,
  openOutboundBackend,
  replyToJorge,
  sleep,
  waitForStatus,
  type OutboundBackend,
} from './outbound-helpers.js';

interface Copy {
  raw: Buffer;
  flags: Set<string>;
}

describe('the Sent folder copy', () => {
  let dovecot: Dovecot;
  let peer: SmtpPeer;
  let env: OutboundBackend | undefined;
  const warnings: string[] = [];

  /** Every message of a folder of the `soporte` mailbox. */
  async function folder(name: string): Promise<Copy[]> {
    const client = await dovecot.client();
    try {
      const status = await client.status(name, { messages: true });
      if (!status || !status.messages) return [];
      const lock = await client.getMailboxLock(name);
      try {
        const out: Copy[] = [];
        for await (const m of client.fetch('1:*', { source: true, flags: true }))
          out.push({ raw: m.source!, flags: m.flags ?? new Set() });
        return out;
      } finally {
        lock.release();
      }
    } finally {
      await client.logout();
    }
  }

  /** Waits until the folder holds `count` messages. */
  async function waitForFolder(name: string, count: number, ms = 5000): Promise<Copy[]> {
    const deadline = Date.now() + ms;
    for (;;) {
      const copies = await folder(name);
      if (copies.length >= count) return copies;
      if (Date.now() > deadline) throw new Error(`${name} has ${copies.length} of ${count}`);
      await sleep(50);
    }
  }

  async function open(mailbox: Partial<MailboxConfig>) {
    env = await openOutboundBackend({
      mailboxes: [andinaMailbox(mailbox)],
      undoSendSeconds: 0.1,
    });
    env.outbound.setLog({
      info: () => undefined,
      warn: (data, message) => warnings.push(`${message} ${JSON.stringify(data)}`),
    });
    return env;
  }

  before(async () => {
    [dovecot, peer] = await Promise.all([startDovecot({ folders: ['Enviados'] }), startSmtpPeer()]);
  });
  after(async () => {
    await Promise.all([dovecot.stop(), peer.close()]);
  });
  beforeEach(async () => {
    peer.received.length = 0;
    warnings.length = 0;
    if (!dovecot.running) await dovecot.up();
  });
  afterEach(async () => {
    await env?.remove();
    env = undefined;
  });

  it('appends exactly the relayed MIME to the \\Sent folder, read', async () => {
    const { backend } = await open({ smtp: peer.settings(), imap: dovecot.imap() });
    const before = (await folder('Sent')).length;
    const { message } = await backend.agent('agent').send(replyToJorge());
    const [relayed] = await peer.waitFor(1);
    await waitForStatus(backend, message, 'sent');
    const copies = await waitForFolder('Sent', before + 1);
    const copy = copies[copies.length - 1]!;
    assert.ok(copy.raw.equals(relayed!.raw), 'the same bytes as relayed');
    assert.ok(copy.flags.has('\\Seen'), `flags: ${[...copy.flags].join(' ')}`);
    assert.deepEqual(warnings, []);
  });

  it('a redelivery with the same Message-ID is not appended twice', async () => {
    const { backend, outbound } = await open({ smtp: peer.settings(), imap: dovecot.imap() });
    const before = (await folder('Sent')).length;
    const { message } = await backend.agent('agent').send(replyToJorge());
    const sent = await waitForStatus(backend, message, 'sent');
    await waitForFolder('Sent', before + 1);
    // What a restart after a crash mid-SMTP does: the same message through the hook again.
    const store = storeOf(backend);
    await outbound.deliver(sent, {
      conversation: store.conversation(sent.conversationId),
      campaign: store.settings(store.campaignOfConversation(sent.conversationId)),
      contact: undefined,
      answered: undefined,
      attempt: 2,
    });
    await peer.waitFor(2);
    await outbound.close(3000);
    assert.equal((await folder('Sent')).length, before + 1);
  });

  it('uses the configured sentMailbox', async () => {
    const { backend } = await open({
      smtp: peer.settings(),
      imap: dovecot.imap(undefined, { sentMailbox: 'Enviados' }),
    });
    const { message } = await backend.agent('agent').send(replyToJorge());
    const sent = await waitForStatus(backend, message, 'sent');
    const [copy] = await waitForFolder('Enviados', 1);
    assert.equal((await PostalMime.parse(copy!.raw)).messageId, `<${sent.messageId}>`);
    assert.ok(copy!.flags.has('\\Seen'));
  });

  it('a Sent folder that cannot be reached is logged; the message stays sent', async () => {
    const { backend } = await open({
      smtp: peer.settings(),
      imap: dovecot.imap(undefined, { auth: { user: 'soporte', pass: 'wrong' } }),
    });
    const { message } = await backend.agent('agent').send(replyToJorge());
    await waitForStatus(backend, message, 'sent');
    const deadline = Date.now() + 5000;
    while (warnings.length === 0 && Date.now() < deadline) await sleep(25);
    assert.match(warnings[0] ?? '', /could not append the copy to the Sent folder/);
    await sleep(100);
    assert.equal((await waitForStatus(backend, message, 'sent')).error, undefined);
  });

  it('mail recorded without a relay is appended too', async () => {
    const { backend, outbound } = await open({ imap: dovecot.imap() });
    const before = (await folder('Sent')).length;
    const { message } = await backend.agent('agent').send(replyToJorge());
    await waitForStatus(backend, message, 'sent');
    const copies = await waitForFolder('Sent', before + 1);
    const recorded = await outbound.sentMail.raw(message.id);
    assert.ok(recorded && copies[copies.length - 1]!.raw.equals(recorded));
    assert.equal(peer.received.length, 0);
  });
});
