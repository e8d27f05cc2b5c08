import { ContextProvider, ContextRoot, type Context } from '@lit/context';
import type { AgentAdapter, VisitorAdapter } from '../adapters/adapter.js';
import type { Locale } from '../i18n/locale.js';
import type { Agent, CampaignSettings } from '../model/index.js';
import {
  agentAdapterContext,
  campaignContext,
  currentAgentContext,
  localeContext,
  visitorAdapterContext,
} from './keys.js';

export interface AtentoProviders {
  agent?: AgentAdapter;
  visitor?: VisitorAdapter;
  locale?: Locale;
  currentAgent?: Agent;
  campaign?: CampaignSettings;
}

const contexts: { [K in keyof AtentoProviders]-?: Context<unknown, AtentoProviders[K]> } = {
  agent: agentAdapterContext,
  visitor: visitorAdapterContext,
  locale: localeContext,
  currentAgent: currentAgentContext,
  campaign: campaignContext,
};

let root: ContextRoot | undefined;

/**
 * Elements may upgrade before the host calls `provideAtento()` (the module that defines them
 * runs first). A context root on the document holds their unanswered requests and replays them
 * when a provider appears. Every atento element calls this before it asks for context.
 */
export function ensureContextRoot() {
  if (root || typeof document === 'undefined') return;
  root = new ContextRoot();
  root.attach(document.documentElement);
}

/**
 * Makes adapters (and optionally a locale, agent, campaign) available to every atento element
 * inside `host`, from plain HTML/JS without Lit:
 *
 * ```js
 * provideAtento(document.body, { agent: createMemoryBackend().agent('agent') });
 * ```
 * Only the values given are provided (others still come from providers further up). Returns a
 * function that updates or adds values.
 */
export function provideAtento(
  host: HTMLElement,
  values: AtentoProviders,
): (next: AtentoProviders) => void {
  ensureContextRoot();
  const providers = new Map<keyof AtentoProviders, ContextProvider<Context<unknown, unknown>>>();
  const update = (next: AtentoProviders) => {
    for (const key of Object.keys(next) as Array<keyof AtentoProviders>) {
      let provider = providers.get(key);
      if (!provider) {
        provider = new ContextProvider(host, {
          context: contexts[key] as Context<unknown, unknown>,
        });
        providers.set(key, provider);
        provider.setValue(next[key]);
        provider.hostConnected();
      } else provider.setValue(next[key]);
    }
  };
  update(values);
  return update;
}
