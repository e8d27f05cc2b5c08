import { AdapterError, type CaseActivity, type CaseViewer } from '../../adapter.js';
import type { Agent, Id } from '../../../model/index.js';
import type { Store } from '../store.js';

/** The agents on a case who are online, by name. */
function viewersOf(s: Store, conversationId: Id): CaseViewer[] {
  const viewers: CaseViewer[] = [];
  for (const [agentId, at] of s.caseActivity) {
    if (at.conversationId !== conversationId || !s.hub.isAgentOnline(agentId)) continue;
    const agent = s.agents.get(agentId);
    if (agent) viewers.push({ agentId, name: agent.name, activity: at.activity });
  }
  return viewers.sort((a, b) => a.name.localeCompare(b.name) || a.agentId.localeCompare(b.agentId));
}

function emitViewers(s: Store, conversationId: Id): void {
  s.hub.toAgents({ type: 'viewers', conversationId, viewers: viewersOf(s, conversationId) });
}

/**
 * An agent says what they are doing on a case, or that they left it (collision hint). One case
 * per agent: announcing a case leaves the previous one. Only real changes are emitted.
 */
export function announce(
  s: Store,
  me: Agent,
  conversationId: Id,
  activity: CaseActivity | null,
): CaseViewer[] {
  if (activity !== null && activity !== 'viewing' && activity !== 'replying') {
    throw new AdapterError('invalid', `Unknown activity ${String(activity)}.`, {
      field: 'activity',
    });
  }
  const c = s.conversation(conversationId);
  const before = s.caseActivity.get(me.id);
  if (activity === null) {
    if (before?.conversationId === c.id) {
      s.caseActivity.delete(me.id);
      emitViewers(s, c.id);
    }
    return viewersOf(s, c.id);
  }
  if (before?.conversationId === c.id && before.activity === activity) return viewersOf(s, c.id);
  s.caseActivity.set(me.id, { conversationId: c.id, activity });
  if (before && before.conversationId !== c.id) emitViewers(s, before.conversationId);
  emitViewers(s, c.id);
  return viewersOf(s, c.id);
}

/** An agent's last live subscription ended: they are no longer on any case. */
export function agentLeft(s: Store, agentId: Id): void {
  const at = s.caseActivity.get(agentId);
  if (!at) return;
  s.caseActivity.delete(agentId);
  emitViewers(s, at.conversationId);
}
