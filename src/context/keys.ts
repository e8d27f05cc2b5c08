/**
 * `@lit/context` keys (F-6.1). Elements consume these; a host provides them, either from a Lit
 * element (`@provide`) or from any DOM element with `provideAtento()`.
 */
import { createContext } from '@lit/context';
import type { AgentAdapter, VisitorAdapter } from '../adapters/adapter.js';
import type { Locale } from '../i18n/locale.js';
import type { Agent, CampaignSettings } from '../model/index.js';

export const agentAdapterContext = createContext<AgentAdapter | undefined>(
  Symbol.for('atento.agent-adapter'),
);
export const visitorAdapterContext = createContext<VisitorAdapter | undefined>(
  Symbol.for('atento.visitor-adapter'),
);
/** A locale forced for a subtree; otherwise elements follow the closest `lang`. */
export const localeContext = createContext<Locale | undefined>(Symbol.for('atento.locale'));
/** The signed-in agent, when the host already knows it (saves each element a `me()` call). */
export const currentAgentContext = createContext<Agent | undefined>(
  Symbol.for('atento.current-agent'),
);
/** The campaign settings of the case on screen. */
export const campaignContext = createContext<CampaignSettings | undefined>(
  Symbol.for('atento.campaign'),
);
