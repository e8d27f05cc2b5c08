/**
 * The demo: the agent's view of the seed's case #6597 (<mail-thread>) on the in-memory backend.
 * "Responder" opens the reply area under the message, with <quick-replies> inserting a saved
 * reply at the caret, its personalization tags resolved for the case's customer.
 * (<mail-composer>, the real editor with send and undo, is the next element to land.)
 */
import '../src/components/mail-thread/mail-thread.js';
import '../src/components/quick-replies/quick-replies.js';
import { createMemoryBackend, createSeedData, SEED_IDS } from '../src/adapters/memory/index.js';
import { provideAtento } from '../src/context/index.js';
import { toLocale, type Locale } from '../src/i18n/index.js';

const text: Record<Locale, Record<string, string>> = {
  es: {
    tagline: 'demo con datos en memoria',
    language: 'Idioma',
    theme: 'Tema',
    intro:
      'La atención #6597 de Jorge Taype: abra un mensaje, use «Más opciones» (Detalle, Agregar contacto, Agregar a lista negra) o «Responder» para escribir con respuestas rápidas.',
    reply: 'Su respuesta',
    close: 'Cerrar',
    replyTo: 'Responder a',
    replyAll: 'Responder a todos:',
    forward: 'Reenviar:',
    inserted: 'Insertada: ',
  },
  en: {
    tagline: 'demo on in-memory data',
    language: 'Language',
    theme: 'Theme',
    intro:
      'Jorge Taype’s case #6597: open a message, use “More options” (Detail, Add contact, Add to block list) or “Reply” to write with quick replies.',
    reply: 'Your reply',
    close: 'Close',
    replyTo: 'Reply to',
    replyAll: 'Reply all:',
    forward: 'Forward:',
    inserted: 'Inserted: ',
  },
};

const backend = createMemoryBackend({ seed: createSeedData({ now: new Date() }) });
provideAtento(document.body, { agent: backend.agent('agent') });

const conversationId = SEED_IDS.jorge.conversationId;
const thread = document.querySelector('mail-thread')!;
const picker = document.querySelector('quick-replies')!;
thread.conversationId = conversationId;
picker.conversationId = conversationId;

const localeSelect = document.querySelector<HTMLSelectElement>('#locale')!;
const themeSelect = document.querySelector<HTMLSelectElement>('#theme')!;
const locale = () => toLocale(document.documentElement.lang) ?? 'es';

function applyLocale(next: Locale) {
  document.documentElement.lang = next;
  localeSelect.value = next;
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    el.textContent = text[next][el.dataset['i18n']!] ?? '';
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

// The thread opens its composer slot under the answered message; the page fills in the title.
thread.addEventListener('mail-reply', ({ detail }) => {
  const t = text[locale()];
  const who = detail.message.from.name || detail.message.from.address || '';
  document.querySelector('#compose-title')!.textContent =
    detail.mode === 'reply'
      ? `${t['replyTo']} ${who}`
      : `${detail.mode === 'replyAll' ? t['replyAll'] : t['forward']} ${detail.message.subject}`;
  requestAnimationFrame(() => document.querySelector<HTMLTextAreaElement>('#reply')!.focus());
});
document.querySelector('#close-composer')!.addEventListener('click', () => thread.closeComposer());

picker.addEventListener('quick-reply-select', (event) => {
  document.querySelector('#last-event')!.textContent =
    text[locale()]['inserted'] + event.detail.reply.title;
});
