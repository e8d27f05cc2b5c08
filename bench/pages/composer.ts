/**
 * The page `bench/composer.bench.mjs` drives: `<mail-composer>` on a memory backend with a body
 * of about 100 KB, the caret at its end. For each keystroke the page records the time from the
 * `keydown` event to the moment ProseMirror has applied the transaction to the DOM and the
 * browser has recomputed style and layout (what the next paint draws).
 */
import '../../src/components/mail-composer/mail-composer.js';
import { createMemoryBackend, SEED_IDS } from '../../src/adapters/memory/index.js';

declare global {
  interface Window {
    benchReady: boolean;
    bench: { keystrokes: () => number[]; bodyBytes: () => number };
  }
}

const PARAGRAPH =
  'Estimado cliente, hemos revisado su pedido y le confirmamos que el cambio de talla ' +
  'se procesará en las próximas 48 horas. <strong>Gracias</strong> por su paciencia, ' +
  'quedamos atentos a cualquier consulta adicional sobre <em>su compra</em>.';

function body(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const p =
      i % 7 === 6 ? `<ul><li>${PARAGRAPH}</li><li>${PARAGRAPH}</li></ul>` : `<p>${PARAGRAPH}</p>`;
    parts.push(p);
    size += p.length;
  }
  return parts.join('');
}

const backend = createMemoryBackend();
const adapter = backend.agent('agent');
const el = document.createElement('mail-composer');
el.adapter = adapter;
el.conversationId = SEED_IDS.jorge.conversationId;
el.mode = 'new';
document.getElementById('host')!.append(el);
await el.ready;
const html = body(100 * 1024);
el.value = {
  to: [{ address: 'jorge@example.pe' }],
  cc: [],
  bcc: [],
  subject: 'Bench',
  html,
  text: '',
  attachments: [],
};
const editor = el.shadowRoot!.querySelector('atento-rich-editor')!;
await new Promise((r) => setTimeout(r, 100));
editor.focus();
const view = editor.view;
view.dispatch(
  view.state.tr.setSelection(
    (view.state.selection.constructor as typeof import('prosemirror-state').Selection).atEnd(
      view.state.doc,
    ),
  ),
);

const samples: number[] = [];
let start = 0;
el.addEventListener('keydown', (e) => (start = e.timeStamp), { capture: true });
editor.addEventListener('editor-input', () => {
  if (!start) return;
  void (editor as HTMLElement).offsetHeight; // style + layout of the updated document
  samples.push(performance.now() - start);
  start = 0;
});

window.bench = {
  keystrokes: () => samples.splice(0),
  bodyBytes: () => editor.getValue().html.length,
};
window.benchReady = true;
