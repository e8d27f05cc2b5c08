import type { Agent, Id } from '../../../model/index.js';
import type { Store } from '../store.js';
import type { VisitorRecord } from '../seed/types.js';

/** An agent types in a case: every agent and the case's visitor are told (F-4.7, F-5.4). */
export function agentTyping(s: Store, me: Agent, conversationId: Id, typing: boolean): void {
  const c = s.conversation(conversationId);
  const event = {
    type: 'typing',
    conversationId: c.id,
    who: 'agent',
    agentId: me.id,
    name: me.name,
    typing: !!typing,
  } as const;
  s.hub.toAgents(event);
  if (c.visitorId) s.hub.toVisitor(c.visitorId, event);
}

/** A visitor types: agents are told; nothing happens before the conversation exists. */
export function visitorTyping(s: Store, v: VisitorRecord, typing: boolean): void {
  const c = s.conversationOfVisitor(v.id);
  if (!c) return;
  const name = v.name ?? s.contacts.get(c.contactId)?.name ?? '';
  s.hub.toAgents({ type: 'typing', conversationId: c.id, who: 'visitor', name, typing: !!typing });
}
