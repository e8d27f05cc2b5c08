/** Units of the conversation core that need no backend: merging, backoff, typing throttle, hint. */
import { deepEqual, equal, ok } from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { VisitorAdapter } from '../../../src/adapters/adapter.js';
import type { VisitorMessage } from '../../../src/model/index.js';
import {
  ChatSession,
  storedHistoryHint,
} from '../../../src/components/chat-widget/session/index.js';
import { mergeMessages } from '../../../src/components/chat-widget/session/merge.js';
import { retryDelay } from '../../../src/components/chat-widget/session/retry-delay.js';

function message(id: string, at: number, extra: Partial<VisitorMessage> = {}): VisitorMessage {
  return {
    id,
    channel: 'chat',
    direction: 'inbound',
    authorName: '',
    text: id,
    attachments: [],
    status: 'sent',
    registeredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, at)).toISOString(),
    ...extra,
  };
}

const ids = (list: VisitorMessage[]) => list.map((m) => m.id);

describe('mergeMessages', () => {
  it('keeps one copy per id and the server order', () => {
    const list = [message('a', 1), message('b', 2), message('d', 4)];
    deepEqual(ids(mergeMessages(list, [message('c', 3)])), ['a', 'b', 'c', 'd']);
    deepEqual(ids(mergeMessages(list, [message('b', 2, { text: 'edited' })])), ['a', 'b', 'd']);
    equal(mergeMessages(list, [message('b', 2, { text: 'edited' })])[1]!.text, 'edited');
    deepEqual(ids(mergeMessages(list, list)), ['a', 'b', 'd']);
    // Same timestamp: arrival order.
    deepEqual(ids(mergeMessages(list, [message('e', 4), message('f', 4)])), [
      'a',
      'b',
      'd',
      'e',
      'f',
    ]);
    // A page: unknown messages follow the previous one of the page.
    deepEqual(ids(mergeMessages(list, [message('b', 2), message('x', 9), message('d', 4)])), [
      'a',
      'b',
      'x',
      'd',
    ]);
  });
});

describe('retryDelay', () => {
  it('grows exponentially with jitter up to the cap', () => {
    equal(
      retryDelay(0, { baseMs: 100 }, () => 0),
      50,
    );
    equal(
      retryDelay(0, { baseMs: 100 }, () => 0.999),
      99,
    );
    equal(
      retryDelay(3, { baseMs: 100 }, () => 0),
      400,
    );
    equal(
      retryDelay(40, { baseMs: 100, capMs: 1000 }, () => 0),
      500,
    );
  });
});

describe('storedHistoryHint', () => {
  it('is false without storage or when it throws', () => {
    equal(storedHistoryHint(null, 'k'), false);
    const throwing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {},
      removeItem: () => {},
    };
    equal(storedHistoryHint(throwing, 'k'), false);
  });
});

describe('typing throttle', () => {
  it('sends true at most once per throttle window and false after idling', async () => {
    const calls: boolean[] = [];
    let t = 0;
    const adapter = {
      typing: async (on: boolean) => void calls.push(on),
    } as unknown as VisitorAdapter;
    const s = new ChatSession(adapter, {
      key: 'k',
      now: () => t,
      typingThrottleMs: 2000,
      typingIdleMs: 50,
    });
    equal(s.state.persistent, false);
    s.typing(true);
    t = 500;
    s.typing(true);
    t = 1500;
    s.typing(true);
    deepEqual(calls, [true]);
    t = 2100;
    s.typing(true);
    deepEqual(calls, [true, true]);
    await new Promise((r) => setTimeout(r, 120));
    deepEqual(calls, [true, true, false]);
    s.typing(false);
    deepEqual(calls, [true, true, false], 'no second false');
    t = 2200;
    s.typing(true);
    s.typing(false);
    deepEqual(calls, [true, true, false, true, false]);
    s.dispose();
    ok(true);
  });
});
