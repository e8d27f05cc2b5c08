import type { ElementNotes } from '../../.storybook/docs/notes.js';

/** The hand-written half of the `<mail-composer>` docs page. */
export const mailComposerNotes: ElementNotes = {
  usage: [
    'Use `<mail-composer>` wherever an agent writes an email on a case: a reply, reply all or ' +
      'forward of a `message`, or a `new` message. `<mail-thread>` opens one under the message ' +
      'being answered; use it directly in your own case view or a pop-up.',
    'It saves drafts through the `AgentAdapter` as the agent types and sends with the ' +
      'campaign’s undo window. Cancel `mail-send` to send through your own code instead, and ' +
      'remove the element on `mail-close`.',
  ],
  accessibility: [
    'To, CC and BCC are APG comboboxes with a listbox of contacts; recipients are chips whose ' +
      'remove buttons are labelled, and invalid addresses are announced under the field.',
    'The formatting toolbar is a `toolbar` with one Tab stop (roving focus); the rich text ' +
      'body is a labelled multi-line text box.',
    'Upload progress is a `progressbar` per file; the draft state ("Guardado") and the send ' +
      'countdown are `status` regions; refused files and send errors are `alert`s.',
    'The emoji picker is a non-modal dialog that returns focus to its button on Escape or ' +
      'after choosing.',
  ],
  keyboard: [
    { where: 'Anywhere in the composer', keys: ['Ctrl+Enter', '⌘+Enter'], action: 'Send.' },
    {
      where: 'The body',
      keys: ['Ctrl+B', 'Ctrl+I', 'Ctrl+U'],
      action: 'Bold, italic, underline (⌘ on macOS).',
    },
    { where: 'The body', keys: ['Ctrl+K'], action: 'Add or edit a link.' },
    { where: 'The body', keys: ['Ctrl+Z', 'Ctrl+Shift+Z'], action: 'Undo / redo.' },
    {
      where: 'The body',
      keys: ['/'],
      action:
        'At the start of a word: quick replies filtered by what follows (↑ ↓ choose, ' +
        'Enter inserts, Escape closes).',
    },
    { where: 'The toolbar', keys: ['←', '→', 'Home', 'End'], action: 'Move between buttons.' },
    {
      where: 'A recipient field',
      keys: ['↓', '↑', 'Enter', 'Escape'],
      action: 'Choose a suggestion; Escape closes the list, a second Escape clears the input.',
    },
    {
      where: 'A recipient field',
      keys: ['Backspace', '←', '→'],
      action: 'From an empty input, move onto the chips; Backspace or Delete removes one.',
    },
  ],
  embed: `<!doctype html>
<html lang="es">
  <body>
    <mail-composer conversation-id="conv-6597" mode="new"></mail-composer>

    <script type="module">
      import '/node_modules/atento/dist/mail-composer.js';
      import { provideAtento } from '/node_modules/atento/dist/index.js';
      import { createMemoryBackend } from '/node_modules/atento/dist/adapters/memory.js';

      provideAtento(document.body, { agent: createMemoryBackend().agent('agent') });

      const composer = document.querySelector('mail-composer');
      composer.addEventListener('mail-sent', (event) => console.log('sent', event.detail.message.id));
      composer.addEventListener('mail-close', () => composer.remove());
    </script>
  </body>
</html>`,
};
