import type { ElementNotes } from '../../.storybook/docs/notes.js';

/** The hand-written half of the `<agent-panel>` docs page. */
export const agentPanelNotes: ElementNotes = {
  usage: [
    'Use `<agent-panel>` when the host app wants the whole agent inbox in one element: the ' +
      'case list, the open case and the reply area, laid out by the panel’s own width. It is ' +
      'what the demo app shows after sign-in.',
    'Give it an `AgentAdapter` — through `provideAtento()` on an ancestor or its `adapter` ' +
      'property — and, for deep links, keep `conversation-id` in step with your URL: set it ' +
      'from the route, and push history on `panel-navigate`.',
    'Build your own layout from `<conversation-list>`, `<mail-thread>` and `<mail-composer>` ' +
      'instead when the host already has its own navigation or splits the inbox across pages.',
  ],
  accessibility: [
    'Two regions: the list (a `listbox`, see `<conversation-list>`) and the case pane, a ' +
      '`section` labelled "Atención" / "Case".',
    'Opening, completing and reopening a case is announced in a polite `status` region; the ' +
      'connection banner is an `alert`.',
    'On narrow panels choosing a case moves focus to "Volver"; "Volver" returns focus to the ' +
      'list. The shortcut help is a modal dialog that returns focus where it was.',
    'Single-key shortcuts never fire from text fields, selects, the editor or dialogs, and ' +
      'stop when any modifier (Ctrl, Alt, ⌘) is held, so they do not clash with screen reader ' +
      'or browser keys.',
  ],
  keyboard: [
    { where: 'Anywhere outside text fields', keys: ['j'], action: 'Next case in the list.' },
    { where: 'Anywhere outside text fields', keys: ['k'], action: 'Previous case.' },
    {
      where: 'Anywhere outside text fields',
      keys: ['e'],
      action: 'Complete the case shown, or reopen it.',
    },
    { where: 'Anywhere outside text fields', keys: ['r'], action: 'Move focus to the reply area.' },
    { where: 'Anywhere outside text fields', keys: ['/'], action: 'Move focus to the search box.' },
    { where: 'Anywhere outside text fields', keys: ['?'], action: 'Open the shortcut help.' },
    {
      where: 'The case',
      keys: ['p', 'n'],
      action: 'Previous / next open interaction (from `<mail-thread>`).',
    },
  ],
  embed: `<!doctype html>
<html lang="es">
  <body>
    <agent-panel style="height: 100vh"></agent-panel>

    <script type="module">
      import '/node_modules/atento/dist/agent-panel.js';
      import { provideAtento } from '/node_modules/atento/dist/index.js';
      import { createMemoryBackend } from '/node_modules/atento/dist/adapters/memory.js';

      // Any object implementing AgentAdapter works here: your own backend, or the memory one.
      provideAtento(document.body, { agent: createMemoryBackend().agent('agent') });

      const panel = document.querySelector('agent-panel');
      panel.conversationId = new URL(location.href).searchParams.get('case');
      panel.addEventListener('panel-navigate', (event) => {
        const id = event.detail.conversationId;
        history.pushState(null, '', id ? \`?case=\${id}\` : location.pathname);
      });
    </script>
  </body>
</html>`,
};
