/**
 * The demo: the agent's view of the seed's case #6597 (<mail-thread> with its <mail-composer>).
 * Served by the reference server (`npm start`), it signs in against the server and talks to it
 * through the HTTP adapter, so everything an agent does is stored in SQLite and survives a
 * restart. `?backend=memory` runs the same page on the in-memory backend instead (no server).
 */
import '../src/components/mail-thread/mail-thread.js';
import type { AgentAdapter } from '../src/adapters/adapter.js';
import { createHttpAgentAdapter, loginAgent } from '../src/adapters/http/index.js';
import { createMemoryBackend, createSeedData, SEED_IDS } from '../src/adapters/memory/index.js';
import { provideAtento } from '../src/context/index.js';
import { toLocale, type Locale } from '../src/i18n/index.js';

const text: Record<Locale, Record<string, string>> = {
  es: {
    tagline: 'demo',
    language: 'Idioma',
    theme: 'Tema',
    intro:
      'La atención #6597 de Jorge Taype: abra un mensaje, use «Más opciones» (Detalle, Agregar contacto, Agregar a lista negra) o «Responder» para escribir: destinatarios, formato, imágenes, adjuntos, emoji, respuestas rápidas (botón o «/»), borrador guardado y envío con 10 s para deshacer.',
    sent: 'Enviado: ',
    loginTitle: 'Ingresar como agente',
    loginHint:
      'Usuarios de la demo: lucia.ramos@tiendaandina.pe (agente) o ana.quispe@tiendaandina.pe (coordinadora), contraseña «demo».',
    email: 'Correo',
    password: 'Contraseña',
    signIn: 'Ingresar',
    signOut: 'Salir',
    loginFailed: 'No se pudo ingresar: ',
  },
  en: {
    tagline: 'demo',
    language: 'Language',
    theme: 'Theme',
    intro:
      'Jorge Taype’s case #6597: open a message, use “More options” (Detail, Add contact, Add to block list) or “Reply” to write: recipients, formatting, images, attachments, emoji, quick replies (button or “/”), a saved draft and send with 10 s to undo.',
    sent: 'Sent: ',
    loginTitle: 'Sign in as an agent',
    loginHint:
      'Demo users: lucia.ramos@tiendaandina.pe (agent) or ana.quispe@tiendaandina.pe (coordinator), password “demo”.',
    email: 'Email',
    password: 'Password',
    signIn: 'Sign in',
    signOut: 'Sign out',
    loginFailed: 'Could not sign in: ',
  },
};

const TOKEN_KEY = 'atento-demo-token';
const params = new URLSearchParams(location.search);
const thread = document.querySelector('mail-thread')!;
const loginForm = document.querySelector<HTMLFormElement>('#login')!;
const app = document.querySelector<HTMLElement>('#app')!;
const logout = document.querySelector<HTMLButtonElement>('#logout')!;
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
applyLocale(toLocale(params.get('lang') ?? 'es') ?? 'es');
applyTheme(
  params.get('theme') ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'),
);
localeSelect.addEventListener('change', () => applyLocale(localeSelect.value as Locale));
themeSelect.addEventListener('change', () => applyTheme(themeSelect.value));

function showApp(adapter: AgentAdapter) {
  provideAtento(document.body, { agent: adapter });
  thread.conversationId = SEED_IDS.jorge.conversationId;
  loginForm.hidden = true;
  app.hidden = false;
  void adapter.me().then((me) => (document.querySelector('#who')!.textContent = me.name));
}

function showLogin(error = '') {
  app.hidden = true;
  logout.hidden = true;
  loginForm.hidden = false;
  document.querySelector('#login-error')!.textContent = error;
  const email = loginForm.elements.namedItem('email') as HTMLInputElement;
  email.value ||= 'lucia.ramos@tiendaandina.pe';
  email.focus();
}

function connect(token: string) {
  const adapter = createHttpAgentAdapter({
    baseUrl: location.origin,
    token,
    onUnauthorized: () => {
      sessionStorage.removeItem(TOKEN_KEY);
      location.reload();
    },
  });
  logout.hidden = false;
  showApp(adapter);
}

loginForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const data = new FormData(loginForm);
  try {
    const { token } = await loginAgent(
      location.origin,
      String(data.get('email')),
      String(data.get('password')),
    );
    sessionStorage.setItem(TOKEN_KEY, token);
    connect(token);
  } catch (error) {
    showLogin(text[locale()]['loginFailed'] + (error as Error).message);
  }
});
logout.addEventListener('click', () => {
  sessionStorage.removeItem(TOKEN_KEY);
  location.reload();
});

thread.addEventListener('mail-sent', ({ detail }) => {
  document.querySelector('#last-event')!.textContent =
    text[locale()]['sent'] + detail.message.subject;
});

if (params.get('backend') === 'memory') {
  showApp(createMemoryBackend({ seed: createSeedData({ now: new Date() }) }).agent('agent'));
} else {
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) connect(token);
  else showLogin();
}
