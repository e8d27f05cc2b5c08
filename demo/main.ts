/**
 * The demo: a case's reply box with <quick-replies> beside it, against the in-memory backend
 * seeded with realistic data. Pick a reply (click, or ↑ ↓ Enter) and it is inserted at the caret
 * with its personalization tags resolved for the case's customer.
 */
import '../src/components/quick-replies/quick-replies.js';
import { createMemoryBackend, createSeedData, SEED_IDS } from '../src/adapters/memory/index.js';
import { provideAtento } from '../src/context/index.js';
import { formatDate, toLocale, type Locale } from '../src/i18n/index.js';
import { formatCaseNumber } from '../src/model/index.js';

const text: Record<Locale, Record<string, string>> = {
  es: {
    tagline: 'demo de respuestas rápidas con datos en memoria',
    language: 'Idioma',
    theme: 'Tema',
    reply: 'Su respuesta',
    hint: 'Elija una respuesta rápida: se inserta en el cursor con las etiquetas ya resueltas.',
    inserted: 'Insertada: ',
  },
  en: {
    tagline: 'quick replies demo on in-memory data',
    language: 'Language',
    theme: 'Theme',
    reply: 'Your reply',
    hint: 'Pick a quick reply: it is inserted at the caret with its tags resolved.',
    inserted: 'Inserted: ',
  },
};

const backend = createMemoryBackend({ seed: createSeedData({ now: new Date() }) });
const agent = backend.agent('agent');
provideAtento(document.body, { agent });

const conversationId = SEED_IDS.jorge.conversationId;
const picker = document.querySelector('quick-replies')!;
picker.conversationId = conversationId;

const { conversation } = await agent.getConversation(conversationId);
// The customer's latest message, as text (email HTML is never injected into the page).
const { items } = await agent.listMessages(SEED_IDS.jorge.latestInteractionId, { limit: 1 });
const last = items[items.length - 1]!;
document.querySelector('#last-from')!.textContent = last.from.name;
const lastDate = document.querySelector<HTMLTimeElement>('#last-date')!;
lastDate.dateTime = last.registeredAt;
document.querySelector('#last-text')!.textContent = last.text;

document.querySelector('#case-subject')!.textContent = conversation.subject;
document.querySelector('#case-meta')!.textContent =
  `${formatCaseNumber(conversation.number)} · ${conversation.contact.name} <${conversation.contact.emails[0]}>`;

const localeSelect = document.querySelector<HTMLSelectElement>('#locale')!;
const themeSelect = document.querySelector<HTMLSelectElement>('#theme')!;
function applyLocale(locale: Locale) {
  document.documentElement.lang = locale;
  localeSelect.value = locale;
  lastDate.textContent = formatDate(locale, last.registeredAt);
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    el.textContent = text[locale][el.dataset['i18n']!] ?? '';
  }
}
function applyTheme(theme: string) {
  document.documentElement.dataset['theme'] = theme;
  themeSelect.value = theme;
}
const params = new URLSearchParams(location.search);
applyLocale(toLocale(params.get('lang') ?? 'es') ?? 'es');
applyTheme(
  params.get('theme') ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'),
);
localeSelect.addEventListener('change', () => applyLocale(localeSelect.value as Locale));
themeSelect.addEventListener('change', () => applyTheme(themeSelect.value));

picker.addEventListener('quick-reply-select', (event) => {
  const locale = toLocale(document.documentElement.lang) ?? 'es';
  document.querySelector('#last-event')!.textContent =
    text[locale]['inserted'] + event.detail.reply.title;
});
