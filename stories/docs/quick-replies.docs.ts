import type { ElementNotes } from '../../.storybook/docs/notes.js';

/** The hand-written half of the `<quick-replies>` docs page. */
export const quickRepliesNotes: ElementNotes = {
  usage: [
    'Use `<quick-replies>` to let an agent insert a saved response into any text field of the ' +
      'host — a `textarea`, an `input` or a contenteditable editor. The mail composer and the ' +
      'chat reply area already open it for `/shortcut` and their ⚡ button.',
    'Point `for` at the field’s id and the chosen text, with its personalization tags ' +
      '(`{{contact.first_name|cliente}}`) resolved for `conversation-id`, is inserted at the ' +
      'caret. Cancel `quick-reply-select` to insert it yourself; close your popover on ' +
      '`quick-reply-dismiss`.',
  ],
  accessibility: [
    'The search box is a `combobox` that controls the `listbox` of replies through ' +
      '`aria-activedescendant`, so focus stays in the search box while the arrows move.',
    'Replies are grouped by category (`group` labelled with the category); the preview shows ' +
      'the resolved text, and unknown or empty tags are listed in a `note`.',
    'The count of replies is a `status`; a failed load is an `alert` with a retry button.',
  ],
  keyboard: [
    {
      where: 'The search box or the list',
      keys: ['↓', '↑'],
      action: 'Move the highlighted reply.',
    },
    { where: 'The search box or the list', keys: ['PageDown', 'PageUp'], action: 'Move by five.' },
    { where: 'The list', keys: ['Home', 'End'], action: 'First / last reply.' },
    {
      where: 'The search box or the list',
      keys: ['Enter'],
      action: 'Insert the highlighted reply.',
    },
    {
      where: 'Anywhere in the picker',
      keys: ['Escape'],
      action: 'Clear the search; with an empty search, fire `quick-reply-dismiss`.',
    },
  ],
  embed: `<!doctype html>
<html lang="es">
  <body>
    <label for="answer">Respuesta</label>
    <textarea id="answer" rows="6"></textarea>
    <quick-replies for="answer" conversation-id="conv-6597"></quick-replies>

    <script type="module">
      import '/node_modules/atento/dist/quick-replies.js';
      import { provideAtento } from '/node_modules/atento/dist/index.js';
      import { createMemoryBackend } from '/node_modules/atento/dist/adapters/memory.js';

      provideAtento(document.body, { agent: createMemoryBackend().agent('agent') });

      document.querySelector('quick-replies').addEventListener('quick-reply-select', (event) => {
        console.log('inserting', event.detail.reply.title);
      });
    </script>
  </body>
</html>`,
};
