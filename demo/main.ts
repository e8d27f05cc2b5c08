/**
 * The demo: the agent's view of the seed's case #6597 (<mail-thread>) on the in-memory backend.
 * "Responder" opens <mail-composer> under the message: recipients, rich text, files, emoji,
 * quick replies, a draft saved as you type, and send with a 10-second undo window.
 */
import '../src/components/mail-thread/mail-thread.js';
import { createMemoryBackend, createSeedData, SEED_IDS } from '../src/adapters/memory/index.js';
import { provideAtento } from '../src/context/index.js';
import { toLocale, type Locale } from '../src/i18n/index.js';

const text: Record<Locale, Record<string, string>> = {
  es: {
    tagline: 'demo con datos en memoria',
    language: 'Idioma',
    theme: 'Tema',
    intro:
      'La atención #6597 de Jorge Taype: abra un mensaje, use «Más opciones» (Detalle, Agregar contacto, Agregar a lista negra) o «Responder» para escribir: destinatarios, formato, imágenes, adjuntos, emoji, respuestas rápidas (botón o «/»), borrador guardado y envío con 10 s para deshacer.',
    sent: 'Enviado: ',
  },
  en: {
    tagline: 'demo on in-memory data',
    language: 'Language',
    theme: 'Theme',
    intro:
      'Jorge Taype’s case #6597: open a message, use “More options” (Detail, Add contact, Add to block list) or “Reply” to write: recipients, formatting, images, attachments, emoji, quick replies (button or “/”), a saved draft and send with 10 s to undo.',
    sent: 'Sent: ',
  },
};

const backend = createMemoryBackend({ seed: createSeedData({ now: new Date() }) });
provideAtento(document.body, { agent: backend.agent('agent') });

const thread = document.querySelector('mail-thread')!;
thread.conversationId = SEED_IDS.jorge.conversationId;

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

thread.addEventListener('mail-sent', ({ detail }) => {
  document.querySelector('#last-event')!.textContent =
    text[locale()]['sent'] + detail.message.subject;
});
