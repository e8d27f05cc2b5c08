/**
 * Recipients, contacts (F-1.8, F-2.2, F-4.6) and the block list (F-1.9).
 */
import { blockMatches } from '../../src/model/index.js';
import {
  deepEqual,
  equal,
  includesFields,
  isIsoDate,
  isSorted,
  ok,
  recordEvents,
  rejectsWith,
  sleep,
} from './assert.js';
import { QUIET_MS, snapshot, type SuiteContext } from './context.js';
import type { TestApi } from './harness.js';
import { listAll } from './conversations.js';

export function defineContactAndBlockListTests({ describe, it }: TestApi, ctx: SuiteContext): void {
  describe('searchRecipients (F-2.2)', () => {
    it('suggests contacts by a prefix of the name or address, case-insensitively', async () => {
      const agent = ctx.agent();
      const { address, contactId } = ctx.ids.jorge;
      for (const query of ['jorge', 'JORGE.TAY', 'Taype', address]) {
        const found = await agent.searchRecipients(query);
        const hit = found.find((s) => s.address === address);
        ok(hit, `${JSON.stringify(query)} suggests ${address}`);
        equal(hit.contactId, contactId, 'the suggestion names its contact');
        ok(hit.name && /jorge/i.test(hit.name), 'with the contact name');
      }
      deepEqual(await agent.searchRecipients('zzq-nobody-qq'), []);
    });

    it('suggests a contact created a moment ago', async () => {
      const agent = ctx.agent();
      const address = `${ctx.uid('valeria')}@example.com`;
      const contact = await agent.createContact({ name: 'Valeria Núñez', emails: [address] });
      const found = await agent.searchRecipients('valeria');
      ok(
        found.some((s) => s.address === address && s.contactId === contact.id),
        'new contact suggested',
      );
    });
  });

  describe('contacts (F-1.8)', () => {
    it('finds the contacts owning an address, whatever its case', async () => {
      const agent = ctx.agent();
      const { address, contactId } = ctx.ids.jorge;
      const found = await agent.findContacts(address.toUpperCase());
      deepEqual(
        found.map((c) => c.id),
        [contactId],
      );
      ok(found[0]!.emails.includes(address), 'emails');
      deepEqual(await agent.findContacts(`${ctx.uid('nadie')}@example.com`), [], 'unknown address');
      await rejectsWith(agent.findContacts('not an address'), 'invalid');
    });

    it('creates a contact with normalized addresses', async () => {
      const agent = ctx.agent();
      const address = `${ctx.uid('carmen')}@example.com`;
      const contact = await agent.createContact({
        name: 'Carmen Díaz',
        emails: [` ${address.toUpperCase()} `],
        phone: '+51 999 111 222',
      });
      includesFields(contact, {
        name: 'Carmen Díaz',
        emails: [address],
        phone: '+51 999 111 222',
        source: 'manual',
      });
      ok(contact.id, 'id');
      isIsoDate(contact.createdAt);
      deepEqual(await agent.findContacts(address), [contact], 'found by its address');
      const copy = snapshot(contact);
      contact.emails.push('mutated@example.com');
      deepEqual(await agent.findContacts(address), [copy], 'returned a copy');
    });

    it('refuses bad input with invalid and an owned address with conflict', async () => {
      const agent = ctx.agent();
      const address = `${ctx.uid('libre')}@example.com`;
      await rejectsWith(
        agent.createContact({ name: '', emails: [address] }),
        'invalid',
        'name',
        'empty name',
      );
      await rejectsWith(
        agent.createContact({ name: '   ', emails: [address] }),
        'invalid',
        'name',
        'blank name',
      );
      await rejectsWith(
        agent.createContact({ name: 'Mal', emails: ['no-es-correo'] }),
        'invalid',
        undefined,
        'bad address',
      );
      await rejectsWith(
        agent.createContact({ name: 'Otro Jorge', emails: [ctx.ids.jorge.address.toUpperCase()] }),
        'conflict',
        undefined,
        'address owned by Jorge',
      );
      deepEqual(await agent.findContacts(address), [], 'nothing created');
      deepEqual(
        (await agent.findContacts(ctx.ids.jorge.address)).map((c) => c.id),
        [ctx.ids.jorge.contactId],
      );
    });

    it('links an address to a contact, idempotently', async () => {
      const agent = ctx.agent();
      const first = `${ctx.uid('luis')}@example.com`;
      const second = `${ctx.uid('luis.trabajo')}@example.com`;
      const contact = await agent.createContact({ name: 'Luis Paredes', emails: [first] });
      const linked = await agent.linkContact(contact.id, second.toUpperCase());
      equal(linked.id, contact.id);
      deepEqual(linked.emails, [first, second], 'address added after the primary one');
      const again = await agent.linkContact(contact.id, second);
      deepEqual(again.emails, [first, second], 'linking again changes nothing');
      deepEqual(
        (await agent.findContacts(second)).map((c) => c.id),
        [contact.id],
      );
    });

    it('refuses linking an unknown contact, a bad address or an owned address', async () => {
      const agent = ctx.agent();
      const contact = await agent.createContact({
        name: 'Rita Flores',
        emails: [`${ctx.uid('rita')}@example.com`],
      });
      await rejectsWith(
        agent.linkContact('no-such-contact', `${ctx.uid('x')}@example.com`),
        'not-found',
      );
      await rejectsWith(agent.linkContact(contact.id, 'not an address'), 'invalid');
      await rejectsWith(agent.linkContact(contact.id, ctx.ids.jorge.address), 'conflict');
      deepEqual(
        (await agent.findContacts(ctx.ids.jorge.address)).map((c) => c.id),
        [ctx.ids.jorge.contactId],
        'unchanged owner',
      );
    });
  });

  describe('block list (F-1.9)', () => {
    it('lists the seed entries, newest first', async () => {
      const list = await ctx.agent().listBlocked();
      const { address, domain } = ctx.ids.blocked;
      ok(
        list.some((e) => e.address === address),
        `${address} is blocked`,
      );
      ok(
        list.some((e) => e.address === domain),
        `${domain} is blocked`,
      );
      for (const entry of list) {
        ok(entry.reason.trim(), 'reason');
        ok(entry.blockedBy.id && entry.blockedBy.name, 'blockedBy');
        isIsoDate(entry.blockedAt);
      }
      isSorted(list, (e) => Date.parse(e.blockedAt), true, 'newest first');
    });

    it('lets any agent block an address or a domain', async () => {
      const agent = ctx.agent('agent');
      const me = await agent.me();
      const address = `${ctx.uid('spam')}@example.com`;
      const entry = await agent.blockSender(
        ` ${address.toUpperCase()} `,
        'Publicidad no solicitada',
      );
      includesFields(entry, {
        address,
        reason: 'Publicidad no solicitada',
        blockedBy: { id: me.id, name: me.name },
      });
      isIsoDate(entry.blockedAt);
      await sleep(5);
      const domain = `@${ctx.uid('fraude')}.example`;
      const byDomain = await agent.blockSender(domain, 'Phishing');
      equal(byDomain.address, domain);
      const list = await ctx.agent('supervisor').listBlocked();
      deepEqual(
        list.slice(0, 2).map((e) => e.address),
        [domain, address],
        'newest first, seen by everyone',
      );
    });

    it('refuses an empty reason, a malformed address and a duplicate', async () => {
      const agent = ctx.agent();
      const address = `${ctx.uid('nuevo')}@example.com`;
      await rejectsWith(agent.blockSender(address, ''), 'invalid', 'reason', 'empty reason');
      await rejectsWith(agent.blockSender(address, '   '), 'invalid', 'reason', 'blank reason');
      await rejectsWith(
        agent.blockSender('not an address', 'Spam'),
        'invalid',
        undefined,
        'malformed',
      );
      await rejectsWith(agent.blockSender('@', 'Spam'), 'invalid', undefined, 'bare @');
      await rejectsWith(
        agent.blockSender(ctx.ids.blocked.address.toUpperCase(), 'Otra vez'),
        'conflict',
        undefined,
        'duplicate',
      );
      await rejectsWith(
        agent.blockSender(ctx.ids.blocked.domain, 'Otra vez'),
        'conflict',
        undefined,
        'duplicate domain',
      );
      ok(!(await agent.listBlocked()).some((e) => e.address === address), 'nothing added');
    });

    it('never delivers mail from a blocked address or domain to the inbox', async () => {
      const agent = ctx.agent();
      const log = recordEvents(agent);
      await ctx.settle();
      const before = (await agent.listConversations()).total;
      const subject = `Oferta imperdible ${ctx.uid('s')}`;
      const inbox = await ctx.inboxAddress();
      const senders = [
        ctx.ids.blocked.address,
        `Cualquiera${ctx.ids.blocked.domain}`.toLowerCase(),
        ctx.ids.blocked.address.toUpperCase(),
      ];
      for (const address of senders) {
        const stored = await ctx.backend.receiveEmail({
          from: { address },
          to: [inbox],
          subject,
          text: 'Gane dinero',
        });
        equal(stored, null, `mail from ${address} is not delivered`);
      }
      // A blocked sender's reply to a known case is not delivered either.
      const mail = await ctx.newEmailCase();
      const intoCase = await ctx.backend.receiveEmail({
        from: { address: ctx.ids.blocked.address },
        to: [inbox],
        subject: `Re: ${mail.subject}`,
        text: 'Gane dinero',
        inReplyTo: mail.message.messageId,
      });
      equal(intoCase, null, 'threaded mail from a blocked sender');
      equal((await agent.listConversations({ search: subject })).total, 0, 'never listed');
      equal(
        (await agent.listConversations()).total,
        before + 1,
        'only the legitimate case was added',
      );
      equal(
        (await agent.listMessages(mail.message.interactionId)).items.length,
        1,
        'not added to the case',
      );
      await log.expectNone(
        (e) => e.type === 'message.created' && e.message.id !== mail.message.id,
        QUIET_MS,
        'no live event for blocked mail',
      );
    });

    it('blocks new mail after blockSender, and delivers it again after unblocking', async () => {
      const agent = ctx.agent('agent');
      const supervisor = ctx.agent('supervisor');
      const mail = await ctx.newEmailCase();
      const entry = await agent.blockSender(mail.from.address, 'Insultos');
      ok(blockMatches(entry, mail.from.address), 'the entry covers the sender');
      const inbox = await ctx.inboxAddress();
      const next = {
        from: mail.from,
        to: [inbox],
        subject: `Re: ${mail.subject}`,
        text: 'Otra vez',
        inReplyTo: mail.message.messageId,
      };
      equal(await ctx.backend.receiveEmail(next), null, 'blocked after blockSender');
      await supervisor.unblockSender(mail.from.address);
      ok(
        !(await agent.listBlocked()).some((e) => e.address === mail.from.address),
        'entry removed',
      );
      const delivered = await ctx.backend.receiveEmail(next);
      equal(delivered?.conversationId, mail.conversationId, 'delivered again after unblocking');
    });

    it('lets only a supervisor or coordinator remove an entry', async () => {
      const { address, domain } = ctx.ids.blocked;
      await rejectsWith(
        ctx.agent('agent').unblockSender(address),
        'forbidden',
        undefined,
        'role agent',
      );
      ok(
        (await ctx.agent('agent').listBlocked()).some((e) => e.address === address),
        'still blocked',
      );
      await ctx.agent('supervisor').unblockSender(address.toUpperCase());
      await ctx.agent('coordinator').unblockSender(domain);
      const list = await ctx.agent('agent').listBlocked();
      ok(!list.some((e) => e.address === address || e.address === domain), 'both removed');
      await rejectsWith(
        ctx.agent('supervisor').unblockSender(address),
        'not-found',
        undefined,
        'already removed',
      );
      await rejectsWith(
        ctx.agent('coordinator').unblockSender(`${ctx.uid('nunca')}@example.com`),
        'not-found',
        undefined,
        'never blocked',
      );
      const inbox = await ctx.inboxAddress();
      const delivered = await ctx.backend.receiveEmail({
        from: { address },
        to: [inbox],
        subject: 'Hola de nuevo',
        text: 'Hola',
      });
      ok(delivered, 'mail from an unblocked sender is delivered');
    });

    it('returns copies', async () => {
      const agent = ctx.agent();
      const list = await agent.listBlocked();
      const before = snapshot(list);
      list[0]!.reason = 'Mutated';
      list.pop();
      deepEqual(await agent.listBlocked(), before);
    });
  });

  describe('automatic contacts (F-4.6)', () => {
    it('an unknown sender becomes an automatic contact that agents can find and list', async () => {
      const agent = ctx.agent();
      const mail = await ctx.newEmailCase({ name: 'Gloria Huamán' });
      const [contact] = await agent.findContacts(mail.from.address);
      ok(contact, 'contact created');
      equal(contact.source, 'auto');
      const listed = await listAll(agent, { search: 'gloria huamán' });
      ok(
        listed.some((c) => c.id === mail.conversationId && c.contact.id === contact.id),
        'found by the contact name',
      );
    });
  });
}
