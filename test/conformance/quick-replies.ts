/**
 * Saved responses (F-3.1): everyone lists them, only supervisors and coordinators manage them.
 */
import { deepEqual, equal, includesFields, ok, rejectsWith } from './assert.js';
import { snapshot, type SuiteContext } from './context.js';
import type { TestApi } from './harness.js';

export function defineQuickReplyTests({ describe, it }: TestApi, ctx: SuiteContext): void {
  describe('quick replies (F-3.1)', () => {
    it('lists the seed replies by category, then title', async () => {
      const list = await ctx.agent('agent').listQuickReplies();
      for (const id of ctx.ids.quickReplyIds)
        ok(
          list.some((r) => r.id === id),
          `seed reply ${id}`,
        );
      ok(new Set(list.map((r) => r.category)).size >= 2, 'several categories');
      for (let i = 1; i < list.length; i++) {
        const a = list[i - 1]!;
        const b = list[i]!;
        const byCategory = a.category.localeCompare(b.category);
        ok(
          byCategory < 0 || (byCategory === 0 && a.title.localeCompare(b.title) <= 0),
          `order at ${i}: ${a.category}/${a.title} then ${b.category}/${b.title}`,
        );
      }
      for (const r of list)
        ok(r.title.trim() && r.body.trim() && r.category.trim(), `reply ${r.id} is complete`);
    });

    it('lets a supervisor create and update a reply', async () => {
      const supervisor = ctx.agent('supervisor');
      const shortcut = ctx.uid('envio');
      const created = await supervisor.saveQuickReply({
        title: 'Estado del envío',
        category: 'Envíos',
        body: 'Hola {{contact.first_name|cliente}}, su pedido está en camino.',
        shortcut,
      });
      ok(created.id, 'an id is assigned');
      includesFields(created, { title: 'Estado del envío', category: 'Envíos', shortcut });
      const count = (await ctx.agent('agent').listQuickReplies()).length;
      const listed = (await ctx.agent('agent').listQuickReplies()).find((r) => r.id === created.id);
      deepEqual(listed, created, 'every agent lists it');

      const updated = await supervisor.saveQuickReply({ ...created, title: 'Estado de su envío' });
      equal(updated.id, created.id, 'same id');
      equal(updated.title, 'Estado de su envío');
      equal(updated.shortcut, shortcut, 'keeping its own shortcut is no conflict');
      const list = await supervisor.listQuickReplies();
      equal(list.length, count, 'updating adds nothing');
      deepEqual(
        list.find((r) => r.id === created.id),
        updated,
      );
    });

    it('scopes replies to a campaign plus the shared ones', async () => {
      const supervisor = ctx.agent('supervisor');
      const { es, en } = ctx.ids.campaigns;
      const shared = await supervisor.saveQuickReply({
        title: 'Horario de atención',
        category: 'General',
        body: 'Atendemos de lunes a sábado, de 9 a 18 h.',
      });
      const english = await supervisor.saveQuickReply({
        title: 'Opening hours',
        category: 'General',
        body: 'We answer Monday to Saturday, 9 am to 6 pm.',
        campaignId: en,
      });
      equal(shared.campaignId, undefined, 'a reply without campaign is shared');
      equal(english.campaignId, en);

      const forEs = await ctx.agent('agent').listQuickReplies({ campaignId: es });
      ok(
        forEs.some((r) => r.id === shared.id),
        'shared replies are listed for every campaign',
      );
      ok(!forEs.some((r) => r.id === english.id), 'another campaign’s reply is not listed');
      for (const r of forEs) ok(r.campaignId === undefined || r.campaignId === es, `${r.id} fits`);
      const all = await ctx.agent('agent').listQuickReplies();
      ok(
        all.some((r) => r.id === english.id) && all.some((r) => r.id === shared.id),
        'all without filter',
      );
      ok(all.length > forEs.length, 'the filter removes something');

      await rejectsWith(
        supervisor.saveQuickReply({ title: 'x', category: 'y', body: 'z', campaignId: 'no-such' }),
        'not-found',
        'campaignId',
        'unknown campaign',
      );
    });

    it('lets a coordinator delete a reply', async () => {
      const coordinator = ctx.agent('coordinator');
      const id = ctx.ids.quickReplyIds[0]!;
      await coordinator.deleteQuickReply(id);
      ok(!(await coordinator.listQuickReplies()).some((r) => r.id === id), 'deleted');
      await rejectsWith(coordinator.deleteQuickReply(id), 'not-found', undefined, 'deleting twice');
    });

    it('forbids the agent role to manage replies', async () => {
      const agent = ctx.agent('agent');
      const before = await agent.listQuickReplies();
      const existing = before.find((r) => r.id === ctx.ids.quickReplyIds[0])!;
      await rejectsWith(
        agent.saveQuickReply({ title: 'Nueva', category: 'General', body: 'Hola' }),
        'forbidden',
        undefined,
        'create',
      );
      await rejectsWith(
        agent.saveQuickReply({ ...existing, title: 'Cambio' }),
        'forbidden',
        undefined,
        'update',
      );
      await rejectsWith(agent.deleteQuickReply(existing.id), 'forbidden', undefined, 'delete');
      deepEqual(await agent.listQuickReplies(), before, 'nothing changed');
    });

    it('refuses empty fields, unknown ids and duplicate shortcuts', async () => {
      const supervisor = ctx.agent('supervisor');
      const before = await supervisor.listQuickReplies();
      const base = { title: 'Saludo', category: 'General', body: 'Hola' };
      await rejectsWith(
        supervisor.saveQuickReply({ ...base, title: '' }),
        'invalid',
        undefined,
        'empty title',
      );
      await rejectsWith(
        supervisor.saveQuickReply({ ...base, body: '  ' }),
        'invalid',
        undefined,
        'blank body',
      );
      await rejectsWith(
        supervisor.saveQuickReply({ ...base, id: 'no-such-reply' }),
        'not-found',
        undefined,
        'unknown id',
      );
      await rejectsWith(
        supervisor.deleteQuickReply('no-such-reply'),
        'not-found',
        undefined,
        'delete unknown',
      );
      const a = await supervisor.saveQuickReply({ ...base, shortcut: ctx.uid('hola') });
      const countWithA = (await supervisor.listQuickReplies()).length;
      await rejectsWith(
        supervisor.saveQuickReply({ ...base, title: 'Otro', shortcut: a.shortcut }),
        'conflict',
        undefined,
        'new reply, used shortcut',
      );
      const b = await supervisor.saveQuickReply({ ...base, title: 'Otro' });
      await rejectsWith(
        supervisor.saveQuickReply({ ...b, shortcut: a.shortcut }),
        'conflict',
        undefined,
        'update to a used shortcut',
      );
      equal((await supervisor.listQuickReplies()).length, countWithA + 1);
      equal(before.length + 2, countWithA + 1, 'only the two valid replies were added');
    });

    it('returns copies', async () => {
      const agent = ctx.agent();
      const list = await agent.listQuickReplies();
      const before = snapshot(list);
      list[0]!.body = 'Mutated';
      list.pop();
      deepEqual(await agent.listQuickReplies(), before);
    });
  });
}
