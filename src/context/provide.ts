import { ContextProvider } from '@lit/context';
import type { AgentAdapter, VisitorAdapter } from '../adapters/adapter.js';
import type { Locale } from '../i18n/locale.js';
import type { Agent, CampaignSettings } from '../model/index.js';
import {
  agentAdapterContext,
  campaignContext,
  currentAgentContext,
  localeContext,
  visitorAdapterContext,
} from './index.js';

export interface AtentoProviders {
  agent?: AgentAdapter;
  visitor?: VisitorAdapter;
  locale?: Locale;
  currentAgent?: Agent;
  campaign?: CampaignSettings;
}

/**
 * Makes adapters (and optionally a locale, agent, campaign) available to every atento element
 * inside `root`, from plain HTML/JS without Lit:
 *
 * ```js
 * provideAtento(document.body, { agent: createMemoryBackend().agent('agent') });
 * ```
 * Returns a function that updates the provided values.
 */
export function provideAtento(
  root: HTMLElement,
  values: AtentoProviders,
): (next: AtentoProviders) => void {
  const providers = {
    agent: new ContextProvider(root, { context: agentAdapterContext }),
    visitor: new ContextProvider(root, { context: visitorAdapterContext }),
    locale: new ContextProvider(root, { context: localeContext }),
    currentAgent: new ContextProvider(root, { context: currentAgentContext }),
    campaign: new ContextProvider(root, { context: campaignContext }),
  };
  const update = (next: AtentoProviders) => {
    for (const key of Object.keys(next) as Array<keyof AtentoProviders>) {
      // Each provider is typed by its own context; the key pairs value and provider.
      (providers[key] as ContextProvider<never>).setValue(next[key] as never);
    }
  };
  update(values);
  for (const provider of Object.values(providers)) provider.hostConnected();
  return update;
}
