import type { ElementNotes } from '../../.storybook/docs/notes.js';

/** The hand-written half of the `<mail-thread>` docs page. */
export const mailThreadNotes: ElementNotes = {
  usage: [
    'Use `<mail-thread>` to show one customer case — its emails and chats in one timeline — ' +
      'when the host has its own list or navigation. `<agent-panel>` already contains one.',
    'Set `conversation-id` (and, for deep links, `interaction-id` or `message-id`); the thread ' +
      'loads the case from the `AgentAdapter`, keeps it live, and marks it read. "Responder" ' +
      'opens `<mail-composer>` under the message (replace it through the `composer` slot); ' +
      '"Completar" / "Reabrir" change the case’s status for every agent.',
    'Every intent is a cancelable event first (`mail-reply`, `mail-status-change`, ' +
      '`mail-show-images`), so a host can take over any of them.',
  ],
  accessibility: [
    'The messages are a WAI-ARIA `feed`: each message is an `article` labelled with sender ' +
      'and date, with `aria-posinset` / `aria-setsize` over the whole case; the feed is ' +
      '`aria-busy` while older messages load.',
    'Each email summary is a disclosure button (`aria-expanded`) that shows the sender, ' +
      'recipients, actions and body; "Más opciones" is an APG menu button.',
    'Email bodies render in a sandboxed `iframe` titled with the subject; remote images stay ' +
      'blocked, with a notice and "Mostrar imágenes", until the agent asks for them.',
    'Detail, Add contact and Block sender are modal dialogs (native `dialog`) that return ' +
      'focus to the menu button. Who else is viewing or replying is a polite `status`; failed ' +
      'side calls are small `alert`s with a retry.',
    'The previous / next buttons carry `aria-keyshortcuts`; the "1 de 14" counter is a `status`.',
  ],
  keyboard: [
    {
      where: 'The thread, outside text fields',
      keys: ['p', 'Alt+↑'],
      action: 'Previous open interaction.',
    },
    {
      where: 'The thread, outside text fields',
      keys: ['n', 'Alt+↓'],
      action: 'Next open interaction.',
    },
    { where: 'The feed', keys: ['PageDown', 'PageUp'], action: 'Next / previous message.' },
    {
      where: 'The feed',
      keys: ['Ctrl+End', 'Ctrl+Home'],
      action: 'Leave the feed: the first element after / before it.',
    },
    {
      where: '"Más opciones"',
      keys: ['Enter', 'Space', '↓'],
      action: 'Open the menu; then ↑ ↓ Home End and first letters move, Escape closes.',
    },
  ],
  embed: `<!doctype html>
<html lang="es">
  <body>
    <!-- "Responder" opens <mail-composer> under the message being answered -->
    <mail-thread conversation-id="conv-6597"></mail-thread>

    <script type="module">
      import '/node_modules/atento/dist/mail-thread.js';
      import { provideAtento } from '/node_modules/atento/dist/index.js';
      import { createMemoryBackend } from '/node_modules/atento/dist/adapters/memory.js';

      // Any object implementing AgentAdapter works here: your own backend, or the memory one.
      provideAtento(document.body, { agent: createMemoryBackend().agent('agent') });

      const thread = document.querySelector('mail-thread');
      thread.addEventListener('mail-send', (event) => {
        console.log('sending', event.detail.message.subject);
        // event.preventDefault() would keep the composer from calling the adapter.
      });
      thread.addEventListener('mail-sent', (event) => console.log('sent', event.detail.message.id));
    </script>
  </body>
</html>`,
};
