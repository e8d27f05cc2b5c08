import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AgentEvent } from '../../../src/adapters/adapter.js';
import { ReplayLog } from '../../../src/components/conversation-list/list-live.js';
import {
  appendPage,
  isNewChat,
  matchesQuery,
  matchesSearch,
  newestFirst,
  place,
  queryOf,
  type ListState,
} from '../../../src/components/conversation-list/list-model.js';
import { initialsOf } from '../../../src/components/conversation-list/list-row.js';
import { timeKind } from '../../../src/components/conversation-list/list-time.js';
import {
  renderedIndexes,
  scrollTopFor,
  visibleRange,
} from '../../../src/components/conversation-list/list-window.js';
import type { ConversationSummary, Message } from '../../../src/model/index.js';

function summary(id: string, updatedAt: string, over: Partial<ConversationSummary> = {}) {
  return {
    id,
    number: Number(id.replace(/\D/g, '')) || 1,
    subject: '',
    contactId: `ct-${id}`,
    campaignId: 'camp',
    status: 'open',
    channels: ['email'],
    read: true,
    createdAt: updatedAt,
    updatedAt,
    contact: { id: `ct-${id}`, name: '', emails: [] },
    visitorOnline: false,
    lastMessage: null,
    ...over,
  } satisfies ConversationSummary;
}

const at = (minute: number) => `2026-11-20T10:${String(minute).padStart(2, '0')}:00.000Z`;
const ids = (state: ListState) => state.rows.map((r) => r.id);

describe('conversation-list model', () => {
  it('maps filters and search onto the adapter query', () => {
    assert.deepEqual(queryOf({ status: 'open' }, ''), { status: 'open' });
    assert.deepEqual(
      queryOf({ status: 'completed', unread: true, channel: 'chat', mine: true }, '  jorge '),
      { status: 'completed', unread: true, channel: 'chat', mine: true, search: 'jorge' },
    );
    assert.deepEqual(queryOf({ mine: false }, ''), {});
  });

  it('matches search like the adapters: accents, case, number, address', () => {
    const c = summary('conv-6597', at(1), {
      number: 6597,
      subject: 'Cambio de talla',
      contact: { id: 'ct', name: 'Patricia Núñez', emails: ['p.nunez@example.com'] },
    });
    assert.equal(matchesSearch(c, 'NUNEZ'), true);
    assert.equal(matchesSearch(c, 'talla'), true);
    assert.equal(matchesSearch(c, '#6597'), true);
    assert.equal(matchesSearch(c, '6597'), true);
    assert.equal(matchesSearch(c, 'p.nunez@'), true);
    assert.equal(matchesSearch(c, '6598'), false);
    assert.equal(matchesSearch(c, ''), true);
  });

  it('matches filters; "mine" is left to the adapter', () => {
    const c = summary('a', at(1), { status: 'open', read: false, channels: ['chat'] });
    assert.equal(matchesQuery(c, { status: 'open' }), true);
    assert.equal(matchesQuery(c, { status: 'completed' }), false);
    assert.equal(matchesQuery(c, { unread: true }), true);
    assert.equal(matchesQuery(c, { unread: false }), false);
    assert.equal(matchesQuery(c, { channel: 'email' }), false);
    assert.equal(matchesQuery(c, { channel: 'chat', mine: true }), undefined);
    assert.equal(matchesQuery(c, { status: 'completed', mine: true }), false);
  });

  it('places a case by inbox order, moves it, drops it, and counts', () => {
    const state: ListState = {
      rows: [summary('c', at(30)), summary('b', at(20)), summary('a', at(10))],
      total: 3,
      nextCursor: null,
    };
    const newer = place(state, summary('d', at(40)), true);
    assert.deepEqual(ids(newer), ['d', 'c', 'b', 'a']);
    assert.equal(newer.total, 4);
    const moved = place(newer, summary('a', at(50)), true);
    assert.deepEqual(ids(moved), ['a', 'd', 'c', 'b']);
    assert.equal(moved.total, 4);
    const dropped = place(moved, summary('d', at(40)), false);
    assert.deepEqual(ids(dropped), ['a', 'c', 'b']);
    assert.equal(dropped.total, 3);
    assert.equal(place(dropped, summary('zz', at(1)), false), dropped);
    // Same time: the greater id first, as the adapter orders.
    assert.ok(newestFirst(summary('b', at(5)), summary('a', at(5))) < 0);
  });

  it('leaves a case past the loaded rows to its page when more pages exist', () => {
    const state: ListState = {
      rows: [summary('c', at(30)), summary('b', at(20))],
      total: 10,
      nextCursor: 'next',
    };
    const older = place(state, summary('x', at(5)), true);
    assert.deepEqual(ids(older), ['c', 'b']);
    assert.equal(older.total, 11);
    const page = appendPage(state, {
      items: [summary('b', at(20)), summary('a', at(10))],
      nextCursor: null,
      total: 3,
    });
    assert.deepEqual(ids(page), ['c', 'b', 'a']);
    assert.equal(page.total, 3);
  });

  it('knows a new chat: inbound chat of a case not listed or listed as completed', () => {
    const c = summary('a', at(1), { channels: ['chat'] });
    const message = { channel: 'chat', direction: 'inbound' } as Message;
    const event: AgentEvent = { type: 'message.created', message, conversation: c };
    assert.equal(isNewChat(event, undefined), true);
    assert.equal(isNewChat(event, { ...c, status: 'completed' }), true);
    assert.equal(isNewChat(event, c), false);
    const email = { ...event, message: { ...message, channel: 'email' } } as AgentEvent;
    assert.equal(isNewChat(email, undefined), false);
    const outbound = { ...event, message: { ...message, direction: 'outbound' } } as AgentEvent;
    assert.equal(isNewChat(outbound, undefined), false);
  });

  it('replays the events that arrived during each fetch', () => {
    const log = new ReplayLog();
    const e = (n: number) => ({ type: 'presence', conversationId: String(n) }) as AgentEvent;
    log.record(e(0));
    const first = log.begin();
    log.record(e(1));
    const second = log.begin();
    log.record(e(2));
    assert.deepEqual(log.end(first), [e(1), e(2)]);
    log.record(e(3));
    assert.deepEqual(log.end(second), [e(2), e(3)]);
    log.record(e(4));
    const third = log.begin();
    assert.deepEqual(log.end(third), []);
  });

  it('windows rows: the ones in view plus overscan, pinned rows kept', () => {
    assert.deepEqual(visibleRange(0, 680, 68, 10_000, 8), { start: 0, end: 18 });
    assert.deepEqual(visibleRange(68 * 100, 680, 68, 10_000, 8), { start: 92, end: 118 });
    assert.deepEqual(visibleRange(0, 680, 68, 3, 8), { start: 0, end: 3 });
    assert.deepEqual(renderedIndexes({ start: 5, end: 8 }, [1, 6, 40, -1], 50), [1, 5, 6, 7, 40]);
    assert.equal(scrollTopFor(2, 0, 680, 68), 0);
    assert.equal(scrollTopFor(12, 0, 680, 68), 13 * 68 - 680);
    assert.equal(scrollTopFor(3, 500, 680, 68), 204);
  });

  it('formats the time by distance: today, this week, this year, older', () => {
    const now = new Date(2026, 10, 20, 15, 0);
    assert.equal(timeKind(new Date(2026, 10, 20, 0, 5), now), 'time');
    assert.equal(timeKind(new Date(2026, 10, 19, 23, 59), now), 'weekday');
    assert.equal(timeKind(new Date(2026, 10, 14, 9, 0), now), 'weekday');
    assert.equal(timeKind(new Date(2026, 10, 13, 9, 0), now), 'date');
    assert.equal(timeKind(new Date(2025, 11, 31, 9, 0), now), 'date-year');
  });

  it('takes initials from the first and last word', () => {
    assert.equal(initialsOf('Jorge Taype'), 'JT');
    assert.equal(initialsOf('Miguel Ángel Rojas'), 'MR');
    assert.equal(initialsOf('p.salazar.r'), 'PR');
    assert.equal(initialsOf('Liam'), 'L');
  });
});
