/**
 * The hostile corpus (test/fixtures/mime) through both doors — APPENDed to Dovecot and synced
 * over IMAP, and sent to the SMTP listener: every mail is stored, recognised as a duplicate, kept
 * aside as blocked, or refused with a logged reason; the sync never stops; nothing is stored
 * twice.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { storeOf } from '../../../../src/adapters/memory/backend.js';
import { quickMessageId } from '../../../../src/adapters/node/mail/inbound/intake.js';
import { readSource } from '../../../../src/adapters/node/mail/inbound/mail-files.js';
import type { Message } from '../../../../src/model/index.js';
import { hostileCorpus, type CorpusMail } from '../../../fixtures/mime/hostile-corpus.js';
import { startDovecot, type Dovecot } from '../../../support/dovecot.js';
import {
  mailServer,
  nextSync,
  rawMail,
  smtpSend,
  until,
  type MailTestServer,
} from './inbound-helpers.js';

const OUTCOME_BY_LOG: Record<string, string> = {
  'inbound mail stored': 'stored',
  'inbound mail already received': 'duplicate',
  'inbound mail from a blocked sender kept aside': 'blocked',
  'inbound mail refused': 'refused',
};

/** What the log says became of one mail: outcome, reason, and the stored message. */
function outcomeOf(server: MailTestServer, lines: Array<Record<string, unknown>>, name: string) {
  const found = lines.filter((l) => OUTCOME_BY_LOG[String(l['msg'])] !== undefined);
  assert.equal(found.length, 1, `${name}: one outcome line, got ${JSON.stringify(found)}`);
  const line = found[0]!;
  const outcome = OUTCOME_BY_LOG[String(line['msg'])]!;
  let message: Message | undefined;
  if (outcome === 'stored') message = storeOf(server.backend).messages.get(String(line['id']));
  return { outcome, reason: line['reason'] as string | undefined, message, line };
}

async function assertExpected(
  server: MailTestServer,
  entry: CorpusMail,
  got: ReturnType<typeof outcomeOf>,
): Promise<void> {
  const { expect } = entry;
  assert.equal(got.outcome, expect.outcome, `${entry.name}: ${JSON.stringify(got.line)}`);
  if (expect.outcome === 'refused') {
    assert.equal(got.reason, expect.reason, entry.name);
    assert.ok(String(got.line['detail']).length > 10, `${entry.name}: a readable reason`);
  }
  if (expect.outcome === 'stored') {
    assert.ok(got.message, `${entry.name}: the message is in the store`);
    const problem = expect.check?.(got.message);
    assert.equal(problem, undefined, `${entry.name}: ${problem}`);
    const source = server.backend.mailIn.source(got.message.id);
    assert.ok(source?.rawFileId, `${entry.name}: the raw source is kept`);
    const raw = await readSource(server.files, source);
    assert.equal(raw?.length, source.rawSize, `${entry.name}: all of it`);
    assert.equal(quickMessageId(raw!), quickMessageId(entry.raw), `${entry.name}: its own bytes`);
  }
}

describe('mail in: hostile corpus', { timeout: 120_000 }, () => {
  let dovecot: Dovecot;
  const servers: MailTestServer[] = [];
  before(async () => {
    dovecot = await startDovecot();
  });
  after(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await dovecot?.stop();
  });

  it('over IMAP: every mail stored, duplicate, blocked or refused with a reason; the sync goes on', async () => {
    const corpus = hostileCorpus('imap');
    assert.ok(corpus.length >= 40, `${corpus.length} mails in the corpus`);
    const uids = await dovecot.appendMany(corpus.map((c) => c.raw));
    const server = await mailServer({ dovecot });
    servers.push(server);
    const before = storeOf(server.backend).messages.size;
    await until(
      () =>
        server.backend.mailIn.syncState('soporte')?.lastUid === uids[uids.length - 1] &&
        server.sync().status === 'idle',
      60_000,
      'the corpus to be synced',
    );
    const stored = new Set<string>();
    for (const [i, entry] of corpus.entries()) {
      const got = outcomeOf(
        server,
        server.logs.filter((l) => l['uid'] === uids[i]),
        entry.name,
      );
      await assertExpected(server, entry, got);
      if (got.message) stored.add(got.message.id);
    }
    const expectedStored = corpus.filter((c) => c.expect.outcome === 'stored').length;
    assert.equal(stored.size, expectedStored);
    assert.equal(storeOf(server.backend).messages.size - before, expectedStored, 'nothing twice');

    // The sync is still alive: the next mail arrives.
    const next = nextSync(server.sync(), (r) => r.stored === 1);
    await dovecot.append(rawMail({ id: 'after-corpus@example.com', subject: 'Después' }));
    await next;
    assert.equal(server.backend.mailIn.known('after-corpus@example.com'), 'stored');
  });

  it('over SMTP: the same outcomes, as SMTP replies', async () => {
    const server = await mailServer();
    servers.push(server);
    const port = server.mail.listenerPort!;
    for (const entry of hostileCorpus('smtp')) {
      const mark = server.logs.length;
      let reply: string;
      try {
        reply = await smtpSend(port, entry.raw, {
          from: entry.envelopeFrom ?? '',
          to: ['soporte@tiendaandina.pe'],
        });
      } catch (error) {
        reply = String((error as { response?: string }).response ?? error);
      }
      if (entry.expect.outcome === 'refused') {
        assert.match(reply, entry.expect.reason === 'too-large' ? /^552 / : /^554 /, entry.name);
        if (entry.expect.reason === 'too-large' && !server.logs.slice(mark).length) continue;
      } else {
        assert.match(reply, /^250 /, `${entry.name}: ${reply}`);
      }
      const got = outcomeOf(server, server.logs.slice(mark), entry.name);
      await assertExpected(server, entry, got);
    }
  });
});
