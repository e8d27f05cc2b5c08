/**
 * The demo: the agent's unified inbox (<agent-panel>: the list, the case in <mail-thread>, the
 * reply area with chat and email). Served by the reference server (`npm start`), it signs in
 * against the server and talks to it through the HTTP adapter, so everything an agent does is
 * stored in SQLite and survives a restart. The selected case is in the URL (`#case=<id>`).
 * `?backend=memory` runs the same page on the in-memory backend instead (no server).
 */
import '../src/components/agent-panel/agent-panel.js';
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
    guideTitle: 'Guía de la demo',
    inbox: 'Bandeja de conversaciones',
    newChat: 'Hay un chat nuevo',
    shopLink: 'Abrir la tienda con el chat del visitante',
    sentLink: 'Ver el correo enviado',
    mailHint: 'Enviar un correo de prueba a la bandeja:',
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
    guideTitle: 'Demo guide',
    inbox: 'Conversations inbox',
    newChat: 'A new chat arrived',
    shopLink: 'Open the shop with the visitor’s chat',
    sentLink: 'See the mail sent',
    mailHint: 'Send a test email into the inbox:',
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
const panel = document.querySelector('agent-panel')!;
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

/** The case in the URL (`#case=<id>`), else the seed's case #6597. */
function caseInUrl(): string {
  return new URLSearchParams(location.hash.slice(1)).get('case') ?? SEED_IDS.jorge.conversationId;
}

panel.addEventListener('panel-navigate', ({ detail }) => {
  const hash = detail.conversationId ? `#case=${encodeURIComponent(detail.conversationId)}` : '';
  history.pushState(null, '', `${location.pathname}${location.search}${hash}`);
});
addEventListener('popstate', () => (panel.conversationId = caseInUrl()));

// The seed's red dot: a new chat arrived while the agent looked elsewhere.
const newDot = document.querySelector<HTMLElement>('#new-dot')!;
const newText = document.querySelector<HTMLElement>('#new-text')!;
new MutationObserver(() => {
  newDot.hidden = newText.hidden = !panel.hasAttribute('has-new');
}).observe(panel, { attributes: true, attributeFilter: ['has-new'] });

function showApp(adapter: AgentAdapter, server: boolean) {
  provideAtento(document.body, { agent: adapter });
  panel.conversationId = caseInUrl();
  document.querySelector<HTMLElement>('#sent-link')!.hidden = !server;
  document.querySelector<HTMLElement>('#mail-hint')!.hidden = !server;
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
  showApp(adapter, true);
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

panel.addEventListener('mail-sent', ({ detail }) => {
  document.querySelector('#last-event')!.textContent =
    text[locale()]['sent'] + detail.message.subject;
});

if (params.get('backend') === 'memory') {
  showApp(createMemoryBackend({ seed: createSeedData({ now: new Date() }) }).agent('agent'), false);
} else {
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) connect(token);
  else showLogin();
}
