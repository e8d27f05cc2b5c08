import type { ElementNotes } from '../../.storybook/docs/notes.js';

/** The hand-written half of the `<chat-widget>` docs page. */
export const chatWidgetNotes: ElementNotes = {
  usage: [
    'Use `<chat-widget>` on a customer-facing website: one module script and the element give ' +
      'visitors a launcher in a corner and the chat window. It is the only element meant for ' +
      'visitors; everything else is for agents.',
    'Point `server-url` at the atento server and set `campaign`. The loader is small: the ' +
      'window and the connection load only when the visitor opens it (or already has a ' +
      'conversation on this device). Brand it with `brand-color`, `brand-name` and ' +
      '`launcher-icon`; drive it from the page with `open()`, `close()`, `identify()` and ' +
      '`setLocale()`.',
    'When the widget and the server live on different origins, add the site to the server’s ' +
      '`ATENTO_ALLOWED_ORIGINS`.',
  ],
  accessibility: [
    'The launcher is a button with `aria-expanded` and `aria-controls`; its name says ' +
      '"Abrir chat" / "Cerrar chat" and the number of unread messages (the visual badge is ' +
      'hidden from assistive technology).',
    'The window is a non-modal `dialog` labelled by its header; the conversation is a `log` ' +
      'that announces new messages politely; the offline banner, the agent typing and the ' +
      'saved email are `status` regions.',
    'Escape closes the window and returns focus to the launcher. The email form marks ' +
      'invalid fields with `aria-invalid` and a described error.',
    'Under 480 px of viewport width the window takes the whole screen; motion is removed with ' +
      '`prefers-reduced-motion`.',
  ],
  keyboard: [
    { where: 'The launcher', keys: ['Enter', 'Space'], action: 'Open or close the window.' },
    { where: 'The window', keys: ['Escape'], action: 'Close it; focus returns to the launcher.' },
    { where: 'The message box', keys: ['Enter'], action: 'Send.' },
    { where: 'The message box', keys: ['Shift+Enter'], action: 'New line.' },
  ],
  embed: `<script type="module" src="https://support.example.com/dist/chat-widget.js"></script>
<chat-widget
  server-url="https://support.example.com"
  campaign="camp-tienda-andina"
  brand-name="Tienda Andina"
  brand-color="#1f7a4d"
></chat-widget>`,
};
