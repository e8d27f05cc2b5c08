import type { ElementNotes } from '../../.storybook/docs/notes.js';

/** The hand-written half of the `<conversation-list>` docs page. */
export const conversationListNotes: ElementNotes = {
  usage: [
    'Use `<conversation-list>` for the agent’s inbox on its own — beside your own case view, ' +
      'in a sidebar, or on a page of its own. `<agent-panel>` already contains one.',
    'It loads pages of cases from the `AgentAdapter` (`listConversations`) and keeps them live ' +
      'through `subscribe`. Listen to `conversation-select` to open the case (the list marks ' +
      'it `selected` unless you cancel the event), and set `selected` yourself when the case ' +
      'changes elsewhere — setting it never fires events.',
    'The list fills its container’s height: give the container one (the rows are windowed, so ' +
      '10,000 cases cost the same as 50).',
  ],
  accessibility: [
    'The cases are a `listbox` (APG pattern with `aria-activedescendant`): focus stays on the ' +
      'list while the arrow keys move the active row; each row is an `option` with ' +
      '`aria-selected`, and `aria-posinset` / `aria-setsize` count every matching case, not only ' +
      'the rows in the DOM.',
    'Unread, online and completed marks have hidden text ("No leída", "Visitante en línea", ' +
      '"Completada"), not only a coloured dot; the channel icons have text too.',
    'The status filter is a radio group in a `fieldset` with a legend; "No leídas", "Chat", ' +
      '"Correo" and "Mías" are toggle buttons (`aria-pressed`) in a labelled group.',
    'The case count, the new-chat indicator and the offline banner are `status` regions; a ' +
      'failed load is an `alert` with a retry button. The list is `aria-busy` while the next ' +
      'page loads.',
  ],
  keyboard: [
    { where: 'The list', keys: ['↑', '↓'], action: 'Move the active row.' },
    { where: 'The list', keys: ['Home', 'End'], action: 'First / last loaded row.' },
    { where: 'The list', keys: ['PageUp', 'PageDown'], action: 'Move by a screenful of rows.' },
    { where: 'The list', keys: ['Enter', 'Space'], action: 'Select the active row.' },
    { where: 'The search box', keys: ['Escape'], action: 'Clear the search.' },
  ],
  embed: `<!doctype html>
<html lang="es">
  <body>
    <div style="height: 100vh; max-width: 420px">
      <conversation-list></conversation-list>
    </div>

    <script type="module">
      import '/node_modules/atento/dist/conversation-list.js';
      import { provideAtento } from '/node_modules/atento/dist/index.js';
      import { createMemoryBackend } from '/node_modules/atento/dist/adapters/memory.js';

      provideAtento(document.body, { agent: createMemoryBackend().agent('agent') });

      const list = document.querySelector('conversation-list');
      list.addEventListener('conversation-select', (event) => {
        const { conversationId, conversation } = event.detail;
        console.log('open', conversationId, conversation.subject);
        // event.preventDefault() would keep the previous case selected.
      });
    </script>
  </body>
</html>`,
};
