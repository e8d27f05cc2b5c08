/**
 * Exactly once across restarts (F-6.5): the server's backend on a SQLite file, closed and opened
 * again on the same file while a send is inside its undo window, or while the relay holds the
 * message mid-SMTP (the process "dies" before `sent` is written).
 */
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import PostalMime from 'postal-mime';
import { storeOf } from '../../../../src/adapters/memory/backend.js';
import type { MailboxConfig } from '../../../../src/adapters/node/mail/mailbox-config.js';
import { startSmtpPeer, type SmtpPeer } from '../../../support/smtp-peer.js';
import {
  andinaMailbox,
  messageOf,
  openOutboundBackend,
  replyToJorge,
  sleep,
  tempDataDir,
  waitForStatus,
  type OutboundSetup,
} from './outbound-helpers.js';

describe('mail out across a restart', () => {
  let peer: SmtpPeer;
  let dir: string;
  const setup = (extra: Partial<OutboundSetup> = {}): OutboundSetup => ({
    dir,
    mailboxes: [mailbox()],
    ...extra,
  });
  const mailbox = (): MailboxConfig => andinaMailbox({ smtp: peer.settings() });

  before(async () => {
    peer = await startSmtpPeer();
  });
  after(async () => {
    await peer.close();
  });
  beforeEach(async () => {
    peer.received.length = 0;
    peer.held.length = 0;
    dir = await tempDataDir();
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('a restart inside the undo window sends the message once, when the window ends', async () => {
    const first = await openOutboundBackend(setup({ undoSendSeconds: 1 }));
    const { message, cancellableUntil } = await first.backend.agent('agent').send(replyToJorge());
    await first.close();
    assert.ok(Date.now() < Date.parse(cancellableUntil!), 'closed inside the window');
    assert.equal(peer.received.length, 0);

    const second = await openOutboundBackend(setup({ undoSendSeconds: 1 }));
    try {
      assert.equal((await messageOf(second.backend, message))?.status, 'scheduled');
      const [mail] = await peer.waitFor(1, 4000);
      assert.ok(Date.now() >= Date.parse(cancellableUntil!) - 20, 'not before the window ends');
      const sent = await waitForStatus(second.backend, message, 'sent');
      assert.equal((await PostalMime.parse(mail!.raw)).messageId, `<${sent.messageId}>`);
      await sleep(400);
      assert.equal(peer.received.length, 1, 'exactly once');
    } finally {
      await second.close();
    }
  });

  it('a window that ended while the server was down sends at start, once', async () => {
    const first = await openOutboundBackend(setup({ undoSendSeconds: 0.2 }));
    const { message } = await first.backend.agent('agent').send(replyToJorge());
    await first.close();
    await sleep(400);
    assert.equal(peer.received.length, 0);
    const second = await openOutboundBackend(setup({ undoSendSeconds: 0.2 }));
    try {
      await waitForStatus(second.backend, message, 'sent');
      await sleep(300);
      assert.equal(peer.received.length, 1);
    } finally {
      await second.close();
    }
    const third = await openOutboundBackend(setup({ undoSendSeconds: 0.2 }));
    try {
      await sleep(300);
      assert.equal(peer.received.length, 1, 'a sent message is never delivered again');
    } finally {
      await third.close();
    }
  });

  it('a cancelled send stays cancelled across a restart', async () => {
    const first = await openOutboundBackend(setup({ undoSendSeconds: 0.3 }));
    const agent = first.backend.agent('agent');
    const { message } = await agent.send(replyToJorge());
    await agent.cancelSend(message.id);
    await first.close();
    const second = await openOutboundBackend(setup({ undoSendSeconds: 0.3 }));
    try {
      await sleep(600);
      assert.equal(peer.received.length, 0);
      assert.equal(storeOf(second.backend).messages.get(message.id)?.status, 'cancelled');
    } finally {
      await second.close();
    }
  });

  it('a crash mid-SMTP is delivered again after the restart, with the same Message-ID', async () => {
    peer.hold();
    const first = await openOutboundBackend(setup({ undoSendSeconds: 0.2, drainMs: 150 }));
    const { message } = await first.backend.agent('agent').send(replyToJorge());
    const [held] = await peer.waitForHeld(1, 4000);
    // The process "dies": the relay has the data but never answered; `sent` is never written.
    await first.close();
    assert.equal(peer.received.length, 0);

    const second = await openOutboundBackend(setup({ undoSendSeconds: 0.2 }));
    try {
      const sent = await waitForStatus(second.backend, message, 'sent', 4000);
      const [mail] = await peer.waitFor(1);
      const heldId = (await PostalMime.parse(held!.raw)).messageId;
      const sentId = (await PostalMime.parse(mail!.raw)).messageId;
      assert.equal(heldId, `<${sent.messageId}>`);
      assert.equal(sentId, heldId, 'the redelivery carries the same Message-ID');
      assert.equal(storeOf(second.backend).outbox.get(message.id)?.attempts, 2);
      await sleep(300);
      assert.equal(peer.received.length, 1);
    } finally {
      await second.close();
    }
  });

  it('a pending retry keeps its due time across a restart', async () => {
    peer.refuse({ code: 451, message: '4.3.0 Try again later', times: 1 });
    const retry = { attempts: 3, delayMs: () => 700 };
    const first = await openOutboundBackend(setup({ undoSendSeconds: 0, retry }));
    const { message } = await first.backend.agent('agent').send(replyToJorge());
    const entry = storeOf(first.backend).outbox.get(message.id)!;
    const deadline = Date.now() + 3000;
    while (entry.retryAt === undefined && Date.now() < deadline) await sleep(10);
    assert.ok(entry.retryAt, 'a retry is pending');
    const due = Date.parse(entry.retryAt);
    await first.close();

    const second = await openOutboundBackend(setup({ undoSendSeconds: 0, retry }));
    try {
      assert.equal((await messageOf(second.backend, message))?.status, 'sending');
      await peer.waitFor(1, 4000);
      assert.ok(Date.now() >= due - 20, 'not before the retry was due');
      const sent = await waitForStatus(second.backend, message, 'sent');
      assert.equal(sent.error, undefined);
      assert.equal(storeOf(second.backend).outbox.get(message.id)?.attempts, 2);
    } finally {
      await second.close();
    }
  });
});
