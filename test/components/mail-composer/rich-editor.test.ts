import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { NodeSelection, TextSelection } from 'prosemirror-state';
import '../../../src/components/mail-composer/editor/rich-editor.js';
import type {
  EditorFilesDetail,
  EditorSlashDetail,
  RichEditor,
} from '../../../src/components/mail-composer/editor/rich-editor.js';
import {
  GMAIL_EXPECTED,
  GMAIL_HTML,
  WEB_EXPECTED,
  WEB_HTML,
  WORD_EXPECTED,
  WORD_HTML,
} from './editor-paste.fixtures.js';

async function mount(
  template = html`<atento-rich-editor placeholder="Escriba su respuesta…"></atento-rich-editor>`,
) {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang="es" style="inline-size: 640px">${template}</div>`,
  );
  const el = wrapper.querySelector('atento-rich-editor')!;
  await el.updateComplete;
  return el;
}

const $ = <T extends Element = HTMLElement>(el: RichEditor, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const content = (el: RichEditor) => $(el, '.ProseMirror')!;
const tool = (el: RichEditor, id: string) => $<HTMLButtonElement>(el, `[data-tool=${id}]`)!;
const pressed = (el: RichEditor, id: string) => tool(el, id).getAttribute('aria-pressed');
const active = (el: RichEditor) => el.shadowRoot!.activeElement;

async function type(el: RichEditor, text: string) {
  el.focus();
  await sendKeys({ type: text });
  await el.updateComplete;
}

/** Presses a key or a chord (`Control+Shift+8`): modifiers held down around the last key. */
async function press(el: RichEditor, chord: string) {
  const keys = chord.split('+');
  const key = keys.pop()!;
  for (const modifier of keys) await sendKeys({ down: modifier });
  await sendKeys({ press: key });
  for (const modifier of keys.reverse()) await sendKeys({ up: modifier });
  await el.updateComplete;
}

/** Collects the events of one type fired from `el`. */
function record<K extends keyof GlobalEventHandlersEventMap>(el: RichEditor, type: K) {
  const events: GlobalEventHandlersEventMap[K][] = [];
  el.addEventListener(type, (e) => events.push(e));
  return events;
}

function paste(el: RichEditor, data: Record<string, string>, files: File[] = []) {
  const transfer = new DataTransfer();
  for (const [kind, value] of Object.entries(data)) transfer.setData(kind, value);
  for (const file of files) transfer.items.add(file);
  const event = new ClipboardEvent('paste', {
    clipboardData: transfer,
    bubbles: true,
    cancelable: true,
  });
  content(el).dispatchEvent(event);
  return event;
}

/** A real PNG (200×100) as a data URL, so the image has a size to resize. */
function pngDataUrl(width = 200, height = 100): string {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#1f5fd6';
  ctx.fillRect(0, 0, width, height);
  return canvas.toDataURL('image/png');
}

function center(element: Element): [number, number] {
  const rect = element.getBoundingClientRect();
  return [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)];
}

describe('<atento-rich-editor>', () => {
  afterEach(() => resetMouse());

  it('is a labelled multi-line textbox inside a shadow root, and typing edits it', async () => {
    const el = await mount();
    const box = content(el);
    expect(box.getAttribute('role')).to.equal('textbox');
    expect(box.getAttribute('aria-multiline')).to.equal('true');
    expect(box.getAttribute('aria-label')).to.equal('Cuerpo del mensaje');
    expect(box.getRootNode()).to.equal(el.shadowRoot);
    // ProseMirror reads the selection from the shadow root (Chromium's ShadowRoot.getSelection).
    expect(el.view.root).to.equal(el.shadowRoot);
    const inputs = record(el, 'editor-input');
    await type(el, 'Hola Jorge');
    expect(el.view.state.doc.textContent).to.equal('Hola Jorge');
    expect(inputs.length).to.be.greaterThan(0);
    expect(el.getValue()).to.deep.equal({ html: '<p>Hola Jorge</p>', text: 'Hola Jorge' });
    expect(el.isEmpty()).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('shows the placeholder while empty, also as aria-placeholder', async () => {
    const el = await mount();
    const placeholder = $(el, '.ProseMirror p.placeholder')!;
    expect(placeholder.dataset['placeholder']).to.equal('Escriba su respuesta…');
    expect(getComputedStyle(placeholder, '::before').content).to.equal('"Escriba su respuesta…"');
    expect(content(el).getAttribute('aria-placeholder')).to.equal('Escriba su respuesta…');
    expect(el.isEmpty()).to.equal(true);
    await type(el, 'x');
    expect($(el, '.placeholder')).to.equal(null);
    expect(content(el).hasAttribute('aria-placeholder')).to.equal(false);
    await press(el, 'Backspace');
    expect($(el, '.placeholder')).to.not.equal(null);
    el.label = 'Respuesta a Jorge';
    await el.updateComplete;
    expect(content(el).getAttribute('aria-label')).to.equal('Respuesta a Jorge');
  });

  it('bolds with Ctrl+B and with the toolbar, and the toolbar follows the selection', async () => {
    const el = await mount();
    await type(el, 'Hola ');
    expect(pressed(el, 'bold')).to.equal('false');
    await press(el, 'Control+b');
    expect(pressed(el, 'bold')).to.equal('true');
    await type(el, 'Jorge');
    await press(el, 'Control+b');
    await type(el, ', ');
    tool(el, 'italic').click();
    await el.updateComplete;
    expect(pressed(el, 'italic')).to.equal('true');
    await type(el, 'gracias');
    expect(el.getValue().html).to.equal('<p>Hola <strong>Jorge</strong>, <em>gracias</em></p>');
    // Back into the bold word: bold is pressed, italic is not.
    for (let i = 0; i < 'gracias, J'.length; i++) await press(el, 'ArrowLeft');
    expect(pressed(el, 'bold')).to.equal('true');
    expect(pressed(el, 'italic')).to.equal('false');
    await press(el, 'Home');
    expect(pressed(el, 'bold')).to.equal('false');
    // Toolbar buttons say their shortcut.
    expect(tool(el, 'bold').title).to.equal('Negrita (Ctrl+B)');
    expect(tool(el, 'bold').getAttribute('aria-keyshortcuts')).to.equal('Control+B');
    await expect(el).to.be.accessible();
  });

  it('applies underline, strikethrough and clears formatting', async () => {
    const el = await mount();
    el.focus();
    await press(el, 'Control+u');
    await type(el, 'uno');
    await press(el, 'Control+u');
    await press(el, 'Control+Shift+x');
    await type(el, 'dos');
    expect(el.getValue().html).to.equal('<p><u>uno</u><s>dos</s></p>');
    await press(el, 'Control+a');
    tool(el, 'clearFormatting').click();
    await el.updateComplete;
    expect(el.getValue().html).to.equal('<p>unodos</p>');
  });

  it('makes lists with shortcuts, Enter and Tab, and quotes and aligns paragraphs', async () => {
    const el = await mount();
    el.focus();
    await press(el, 'Control+Shift+8');
    expect(pressed(el, 'bulletList')).to.equal('true');
    await type(el, 'Boleta');
    await press(el, 'Enter');
    await type(el, 'Factura');
    await press(el, 'Tab');
    await press(el, 'Enter');
    await press(el, 'Enter');
    await press(el, 'Enter');
    await press(el, 'Control+Shift+7');
    expect(pressed(el, 'orderedList')).to.equal('true');
    expect(pressed(el, 'bulletList')).to.equal('false');
    await type(el, 'Primero');
    await press(el, 'Enter');
    await press(el, 'Enter');
    await press(el, 'Control+Shift+9');
    expect(pressed(el, 'blockquote')).to.equal('true');
    await type(el, 'Citado');
    await press(el, 'Control+Shift+9');
    tool(el, 'alignCenter').click();
    await el.updateComplete;
    expect(pressed(el, 'alignCenter')).to.equal('true');
    expect(pressed(el, 'alignLeft')).to.equal('false');
    expect(el.getValue().html).to.equal(
      '<ul><li><p>Boleta</p><ul><li><p>Factura</p></li></ul></li></ul>' +
        '<ol><li><p>Primero</p></li></ol>' +
        '<p style="text-align:center">Citado</p>',
    );
    // Backspace at the start of a list item lifts it out of the list.
    el.setHtml('<ul><li><p>uno</p></li><li><p>dos</p></li></ul>');
    el.focus();
    el.view.dispatch(el.view.state.tr.setSelection(TextSelection.create(el.view.state.doc, 10)));
    await press(el, 'Backspace');
    expect(el.getValue().html).to.equal('<ul><li><p>uno</p></li></ul><p>dos</p>');
  });

  it('leaves the editor with Tab outside lists, and Shift+Enter breaks the line', async () => {
    const el = await mount(html`<atento-rich-editor></atento-rich-editor><button>Enviar</button>`);
    await type(el, 'Saludos');
    await press(el, 'Shift+Enter');
    await type(el, 'Ana');
    expect(el.getValue().html).to.equal('<p>Saludos<br>Ana</p>');
    expect(el.getValue().text).to.equal('Saludos\nAna');
    await press(el, 'Tab');
    expect(document.activeElement?.textContent).to.equal('Enviar');
  });

  it('undoes and redoes with keys and buttons whose state follows the history', async () => {
    const el = await mount();
    expect(tool(el, 'undo').getAttribute('aria-disabled')).to.equal('true');
    expect(tool(el, 'redo').getAttribute('aria-disabled')).to.equal('true');
    await type(el, 'Hola');
    expect(tool(el, 'undo').hasAttribute('aria-disabled')).to.equal(false);
    await press(el, 'Control+z');
    expect(el.isEmpty()).to.equal(true);
    expect(tool(el, 'redo').hasAttribute('aria-disabled')).to.equal(false);
    await press(el, 'Control+Shift+z');
    expect(el.getValue().text).to.equal('Hola');
    tool(el, 'undo').click();
    await el.updateComplete;
    expect(el.isEmpty()).to.equal(true);
    await press(el, 'Control+y');
    expect(el.getValue().text).to.equal('Hola');
  });

  it('adds, edits and removes a link from the keyboard with the inline form', async () => {
    const el = await mount();
    await type(el, 'Visite la tienda');
    await press(el, 'Shift+Control+ArrowLeft');
    await press(el, 'Control+k');
    const input = $<HTMLInputElement>(el, '#link-url')!;
    expect(active(el)).to.equal(input);
    expect($(el, '.link-target')!.textContent).to.equal('tienda');
    await sendKeys({ type: 'javascript:alert(1)' });
    await press(el, 'Enter');
    expect($(el, '[role=alert]')!.textContent!.trim()).to.equal(
      'Escriba una dirección web (https://…) o una dirección de correo.',
    );
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
    await press(el, 'Control+a');
    await sendKeys({ type: 'tiendaandina.pe' });
    await press(el, 'Enter');
    expect($(el, '.link-form')).to.equal(null);
    expect(active(el)).to.equal(content(el));
    expect(el.getValue().html).to.equal(
      '<p>Visite la <a href="https://tiendaandina.pe">tienda</a></p>',
    );
    expect(el.getValue().text).to.equal('Visite la tienda <https://tiendaandina.pe>');
    // Caret inside the link: the form edits it, offers Remove; Escape cancels.
    await press(el, 'End');
    expect(pressed(el, 'link')).to.equal('false');
    await press(el, 'ArrowLeft');
    expect(pressed(el, 'link')).to.equal('true');
    await press(el, 'Control+k');
    expect($<HTMLInputElement>(el, '#link-url')!.value).to.equal('https://tiendaandina.pe');
    await press(el, 'Escape');
    expect($(el, '.link-form')).to.equal(null);
    expect(active(el)).to.equal(content(el));
    await press(el, 'Control+k');
    $<HTMLButtonElement>(el, '[part=link-remove]')!.click();
    await el.updateComplete;
    expect(el.getValue().html).to.equal('<p>Visite la tienda</p>');
    // An email address becomes a mailto: link showing the address.
    await press(el, 'End');
    await type(el, ' o escriba a ');
    tool(el, 'link').click();
    await el.updateComplete;
    await sendKeys({ type: 'ventas@tiendaandina.pe' });
    await press(el, 'Enter');
    expect(el.getValue().html).to.contain(
      '<a href="mailto:ventas@tiendaandina.pe">ventas@tiendaandina.pe</a>',
    );
    expect(el.getValue().text).to.equal('Visite la tienda o escriba a ventas@tiendaandina.pe');
  });

  it('cleans a Word paste to the schema', async () => {
    const el = await mount();
    el.focus();
    const event = paste(el, { 'text/html': WORD_HTML, 'text/plain': 'Estimado cliente:' });
    expect(event.defaultPrevented).to.equal(true);
    expect(el.getValue().html).to.equal(WORD_EXPECTED);
  });

  it('cleans a Gmail paste: div lines become paragraphs, the quote stays a quote', async () => {
    const el = await mount();
    el.focus();
    paste(el, { 'text/html': GMAIL_HTML, 'text/plain': 'Hola Jorge,' });
    expect(el.getValue().html).to.equal(GMAIL_EXPECTED);
  });

  it('flattens a web page paste: headings bold, table rows as paragraphs, no scripts or frames', async () => {
    const el = await mount();
    el.focus();
    paste(el, { 'text/html': WEB_HTML, 'text/plain': 'Envíos' });
    expect(el.getValue().html).to.equal(WEB_EXPECTED);
  });

  it('pastes 2 MB of HTML as plain text, with a notice', async () => {
    const el = await mount();
    el.focus();
    const lines = Array.from({ length: 45_000 }, (_, i) => `Línea ${i + 1} del registro`);
    const big = lines.map((l) => `<p style="color:#333">${l}</p>`).join('');
    expect(big.length).to.be.greaterThan(2_000_000);
    const notices = record(el, 'editor-notice');
    paste(el, { 'text/html': big, 'text/plain': lines.join('\n\n') });
    expect(notices.map((e) => e.detail)).to.deep.equal([{ kind: 'paste-as-text' }]);
    const doc = el.view.state.doc;
    expect(doc.childCount).to.equal(45_000);
    expect(doc.lastChild!.textContent).to.equal('Línea 45000 del registro');
  });

  it('turns data: images of pasted HTML into files and drops blob:, file: and cid: images', async () => {
    const el = await mount();
    el.focus();
    const files = record(el, 'editor-files');
    paste(el, {
      'text/html': `<p>Mire <img src="${pngDataUrl()}"> esto<img src="blob:https://x/1"><img src="file:///C:/a.png"><img src="cid:x@y"></p>`,
    });
    expect(files).to.have.length(1);
    const detail: EditorFilesDetail = files[0]!.detail;
    expect(detail.inline).to.equal(true);
    expect(detail.files).to.have.length(1);
    expect(detail.files[0]!.type).to.equal('image/png');
    expect(detail.files[0]!.size).to.be.greaterThan(0);
    expect(el.getValue().html).to.equal('<p>Mire esto</p>');
  });

  it('reports pasted and dropped files without inserting them', async () => {
    const el = await mount();
    el.focus();
    const files = record(el, 'editor-files');
    const png = new File([new Uint8Array([137, 80, 78, 71])], 'captura.png', { type: 'image/png' });
    const pdf = new File(['%PDF-1.4'], 'boleta.pdf', { type: 'application/pdf' });
    const pasted = paste(el, { 'text/html': '<meta charset="utf-8"><img src="https://x/y.png">' }, [
      png,
    ]);
    expect(pasted.defaultPrevented).to.equal(true);
    const transfer = new DataTransfer();
    transfer.items.add(png);
    transfer.items.add(pdf);
    const [x, y] = center(content(el));
    const drop = new DragEvent('drop', {
      dataTransfer: transfer,
      clientX: x,
      clientY: y,
      bubbles: true,
      cancelable: true,
    });
    content(el).dispatchEvent(drop);
    expect(drop.defaultPrevented).to.equal(true);
    expect(files.map((e) => [e.detail.files.map((f) => f.name), e.detail.inline])).to.deep.equal([
      [['captura.png'], true],
      [['captura.png', 'boleta.pdf'], false],
    ]);
    expect(el.isEmpty()).to.equal(true);
  });

  it('reports the /word trigger and lets the host take its keys and replace it', async () => {
    const el = await mount();
    const slash = record(el, 'editor-slash');
    const ends = record(el, 'editor-slash-end');
    await type(el, 'Hola /');
    expect(slash.map((e) => e.detail.query)).to.deep.equal(['']);
    await type(el, 'sal');
    const last: EditorSlashDetail = slash[slash.length - 1]!.detail;
    expect(last).to.deep.equal({ query: 'sal', from: 6, to: 10 });
    expect(slash.map((e) => e.detail.query)).to.deep.equal(['', 's', 'sa', 'sal']);
    // The host takes ArrowDown and Enter; the editor leaves them alone.
    const keys: string[] = [];
    const onKey = (e: CustomEvent<{ key: string }>) => {
      keys.push(e.detail.key);
      e.preventDefault();
    };
    el.addEventListener('editor-slash-key', onKey);
    await press(el, 'ArrowDown');
    await press(el, 'Enter');
    expect(keys).to.deep.equal(['ArrowDown', 'Enter']);
    expect(el.view.state.doc.childCount).to.equal(1);
    el.insertText('Saludos cordiales,\nAna', { from: last.from, to: last.to });
    await el.updateComplete;
    expect(el.getValue().html).to.equal('<p>Hola Saludos cordiales,<br>Ana</p>');
    expect(ends).to.have.length(1);
    el.removeEventListener('editor-slash-key', onKey);
    // Escape ends it (and the editor keeps the text); a space ends it too.
    await type(el, ' /x');
    expect(slash[slash.length - 1]!.detail.query).to.equal('x');
    await press(el, 'Escape');
    expect(ends).to.have.length(2);
    await type(el, 'y');
    expect(slash[slash.length - 1]!.detail.query).to.equal('x');
    await type(el, ' /');
    await type(el, ' ');
    expect(ends).to.have.length(3);
    // Not inside a word or a URL.
    const before = slash.length;
    await type(el, 'a/b https://x');
    expect(slash.length).to.equal(before);
  });

  it('submits with Ctrl+Enter', async () => {
    const el = await mount();
    el.focus();
    setTimeout(() => void press(el, 'Control+Enter'));
    await oneEvent(el, 'editor-submit');
  });

  it('resizes an image by dragging its handle, keeping the width in the output', async () => {
    const el = await mount();
    el.focus();
    el.insertImage({ src: pngDataUrl(), alt: 'Sello', uploadId: 'u1' });
    const img = $<HTMLImageElement>(el, '.image img')!;
    await waitUntil(() => img.complete && img.naturalWidth === 200, 'image loaded');
    await sendMouse({ type: 'click', position: center(img) });
    await el.updateComplete;
    expect(el.view.state.selection).to.be.instanceOf(NodeSelection);
    const handle = $(el, '.resize-handle')!;
    const [x, y] = center(handle);
    await sendMouse({ type: 'move', position: [x, y] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [x - 40, y] });
    await sendMouse({ type: 'move', position: [x - 80, y] });
    await sendMouse({ type: 'up' });
    await el.updateComplete;
    const width = el.view.state.doc.firstChild!.firstChild!.attrs['width'] as number;
    expect(width).to.be.within(115, 125);
    expect(Math.round(img.getBoundingClientRect().width)).to.equal(width);
    // Dragging far left stops at 32 px.
    const [x2, y2] = center(handle);
    await sendMouse({ type: 'move', position: [x2, y2] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [x2 - 400, y2] });
    await sendMouse({ type: 'up' });
    expect(el.view.state.doc.firstChild!.firstChild!.attrs['width']).to.equal(32);
    // Once uploaded, the image has a URL the output keeps, with its width.
    el.updateImage('u1', { src: 'https://cdn.tiendaandina.pe/sello.png', attachmentId: 'att-9' });
    expect(el.getValue().html).to.equal(
      '<p><img src="https://cdn.tiendaandina.pe/sello.png" alt="Sello" width="32" data-attachment-id="att-9"></p>',
    );
    expect(el.imageAttachmentIds()).to.deep.equal(['att-9']);
  });

  it('edits alt text and size of the selected image from the keyboard', async () => {
    const el = await mount();
    await type(el, 'Foto: ');
    el.insertImage({ src: pngDataUrl(), uploadId: 'u2' });
    await press(el, 'ArrowLeft');
    expect(el.view.state.selection).to.be.instanceOf(NodeSelection);
    expect($(el, '.image')!.classList.contains('ProseMirror-selectednode')).to.equal(true);
    const bar = $(el, '[part=image-bar]')!;
    expect(bar.getAttribute('role')).to.equal('group');
    await press(el, 'Tab');
    expect(active(el)).to.equal($(el, '[part=alt-input]'));
    await sendKeys({ type: 'Boleta escaneada' });
    await press(el, 'Tab');
    await press(el, 'Tab');
    expect((active(el) as HTMLElement).textContent!.trim()).to.equal('Mediana');
    await press(el, 'Enter');
    await el.updateComplete;
    const image = el.view.state.doc.firstChild!.lastChild!;
    expect(image.attrs['alt']).to.equal('Boleta escaneada');
    const available = content(el).querySelector('p')!.clientWidth;
    expect(image.attrs['width']).to.equal(Math.round(available / 2));
    await expect(el).to.be.accessible();
    await press(el, 'Escape');
    expect(active(el)).to.equal(content(el));
    expect(el.getValue().text).to.equal('Foto: [Boleta escaneada]');
  });

  it('shows upload progress without undo steps or input events, and removes failed uploads', async () => {
    const el = await mount();
    el.focus();
    el.insertImage({ src: pngDataUrl(), uploadId: 'u3' });
    const inputs = record(el, 'editor-input');
    el.updateImage('u3', { progress: 0.4 });
    const bar = $(el, '[role=progressbar]')!;
    expect(bar.getAttribute('aria-valuenow')).to.equal('40');
    expect(bar.getAttribute('aria-label')).to.equal('Subiendo imagen');
    el.updateImage('u3', { progress: 0.9 });
    expect(bar.getAttribute('aria-valuenow')).to.equal('90');
    expect(inputs).to.have.length(0);
    await expect(el).to.be.accessible();
    el.updateImage('u3', { progress: null });
    expect($(el, '[role=progressbar]')).to.equal(null);
    // One undo step: the insertion itself.
    await press(el, 'Control+z');
    expect(el.isEmpty()).to.equal(true);
    await press(el, 'Control+y');
    el.removeImage('u3');
    expect(el.isEmpty()).to.equal(true);
    expect(inputs.length).to.be.greaterThan(0);
  });

  it('gives a plain-text alternative of a rich document', async () => {
    const el = await mount();
    el.setHtml(
      '<p>Hola <strong>Jorge</strong>,</p>' +
        '<p>Primera línea<br>segunda línea</p>' +
        '<ul><li><p>Boleta</p><ul><li><p>Copia</p></li></ul></li><li><p>Guía</p></li></ul>' +
        '<ol start="3"><li><p>Paso tres</p></li><li><p>Paso cuatro</p></li></ol>' +
        '<blockquote><p>Texto citado</p><p>otra línea</p></blockquote>' +
        '<p>Vea <a href="https://tiendaandina.pe/ayuda">la ayuda</a> o <a href="https://tiendaandina.pe">https://tiendaandina.pe</a></p>' +
        '<p><img src="https://cdn.tiendaandina.pe/logo.png" alt="Logo"> <img src="https://cdn.tiendaandina.pe/x.png"></p>',
    );
    expect(el.getValue().text).to.equal(
      [
        'Hola Jorge,',
        '',
        'Primera línea\nsegunda línea',
        '',
        '- Boleta\n  - Copia\n- Guía',
        '',
        '3. Paso tres\n4. Paso cuatro',
        '',
        '> Texto citado\n>\n> otra línea',
        '',
        'Vea la ayuda <https://tiendaandina.pe/ayuda> o https://tiendaandina.pe',
        '',
        '[Logo] [imagen]',
      ].join('\n'),
    );
  });

  it('never keeps scripts, handlers or javascript: links from setHtml and insertHtml', async () => {
    const el = await mount();
    const hostile =
      '<p onclick="alert(1)">Hola <a href="javascript:alert(2)">aquí</a> <a href=" JaVaScRiPt:alert(3)">y</a>' +
      '<img src="x" onerror="alert(4)"><img src="javascript:alert(5)"><svg onload="alert(6)"></svg></p>' +
      '<script>alert(7)</script><style>p{color:red}</style><iframe src="https://evil"></iframe>';
    el.setHtml(hostile);
    const out = el.getValue().html;
    expect(out).to.equal('<p>Hola aquí y</p>');
    expect(content(el).innerHTML).to.not.match(/onerror|onclick|javascript|script|alert/i);
    el.setHtml('');
    el.focus();
    el.insertHtml(hostile);
    expect(el.getValue().html).to.not.match(/onerror|onclick|javascript|script|alert|iframe/i);
    // Drafts keep their empty lines and server images; a restore is not an undo step.
    el.setHtml(
      '<p>uno</p><p><br></p><p>dos <img src="/api/attachments/9" alt="a" width="50" data-attachment-id="9"></p>',
    );
    expect(el.getValue().html).to.equal(
      '<p>uno</p><p><br></p><p>dos <img src="/api/attachments/9" alt="a" width="50" data-attachment-id="9"></p>',
    );
    expect(tool(el, 'undo').getAttribute('aria-disabled')).to.equal('true');
    el.setHtml('<p>tres</p>', { addToHistory: true });
    await el.updateComplete;
    expect(tool(el, 'undo').hasAttribute('aria-disabled')).to.equal(false);
  });

  it('inserts text with paragraphs and HTML at the selection', async () => {
    const el = await mount();
    await type(el, 'Hola ');
    el.insertText('Jorge,\n\nGracias por escribir.\nAtte.');
    expect(el.getValue().html).to.equal('<p>Hola Jorge,</p><p>Gracias por escribir.<br>Atte.</p>');
    el.insertHtml('<p>-- </p><p><b>Ana</b> · Tienda Andina</p>');
    expect(el.getValue().html).to.equal(
      '<p>Hola Jorge,</p><p>Gracias por escribir.<br>Atte.--</p><p><strong>Ana</strong> · Tienda Andina</p>',
    );
  });

  it('has one tab stop with arrow keys across its buttons and slotted tools', async () => {
    const el = await mount(
      html`<button id="before">Antes</button>
        <atento-rich-editor>
          <button slot="tools" id="attach" aria-label="Adjuntar archivo">📎</button>
          <span slot="tools"><button id="emoji" aria-label="Emoji">🙂</button></span>
        </atento-rich-editor>`,
    );
    const before = document.getElementById('before')!;
    const attach = document.getElementById('attach')!;
    const emoji = document.getElementById('emoji')!;
    const toolbar = $(el, '[role=toolbar]')!;
    expect(toolbar.getAttribute('aria-label')).to.equal('Formato');
    const stops = [...toolbar.querySelectorAll('button'), attach, emoji].filter(
      (b) => b.tabIndex === 0,
    );
    expect(stops).to.deep.equal([tool(el, 'bold')]);
    before.focus();
    await press(el, 'Tab');
    expect(active(el)).to.equal(tool(el, 'bold'));
    await press(el, 'ArrowRight');
    expect(active(el)).to.equal(tool(el, 'italic'));
    await press(el, 'End');
    expect(document.activeElement).to.equal(emoji);
    await press(el, 'ArrowLeft');
    expect(document.activeElement).to.equal(attach);
    await press(el, 'ArrowRight');
    await press(el, 'ArrowRight');
    expect(active(el)).to.equal(tool(el, 'bold'));
    await press(el, 'ArrowLeft');
    expect(document.activeElement).to.equal(emoji);
    expect(emoji.tabIndex).to.equal(0);
    expect(tool(el, 'bold').tabIndex).to.equal(-1);
    // Tab leaves the toolbar for the editable area; Shift+Tab comes back to the last item.
    await press(el, 'Tab');
    expect(active(el)).to.equal(content(el));
    await press(el, 'Shift+Tab');
    expect(document.activeElement).to.equal(emoji);
    await press(el, 'Home');
    expect(active(el)).to.equal(tool(el, 'bold'));
    // Enter on a toolbar button runs it and keeps the focus there.
    await press(el, 'Enter');
    expect(pressed(el, 'bold')).to.equal('true');
    expect(active(el)).to.equal(tool(el, 'bold'));
    await expect(el).to.be.accessible();
  });

  it('is read-only or disabled: nothing edits, disabled greys the toolbar', async () => {
    const el = await mount();
    el.setHtml('<p>Texto</p>');
    el.readonly = true;
    await el.updateComplete;
    expect(el.hasAttribute('readonly')).to.equal(true);
    expect(content(el).getAttribute('contenteditable')).to.equal('false');
    expect(content(el).getAttribute('aria-readonly')).to.equal('true');
    expect(tool(el, 'bold').getAttribute('aria-disabled')).to.equal('true');
    tool(el, 'bold').click();
    el.focus();
    await sendKeys({ type: 'abc' });
    await press(el, 'Control+b');
    expect(el.getValue().html).to.equal('<p>Texto</p>');
    await expect(el).to.be.accessible();
    el.readonly = false;
    el.disabled = true;
    await el.updateComplete;
    expect(el.hasAttribute('disabled')).to.equal(true);
    expect(content(el).getAttribute('contenteditable')).to.equal('false');
    expect(content(el).getAttribute('aria-disabled')).to.equal('true');
    expect(tool(el, 'bold').disabled).to.equal(true);
    expect(tool(el, 'undo').disabled).to.equal(true);
    await expect(el).to.be.accessible();
    el.disabled = false;
    await el.updateComplete;
    await type(el, '!');
    expect(el.getValue().text).to.contain('!');
  });

  it('keeps its document across a disconnect and reconnect', async () => {
    const el = await mount();
    await type(el, 'Borrador');
    const parent = el.parentElement!;
    el.remove();
    el.insertText(' guardado');
    parent.append(el);
    await el.updateComplete;
    expect(content(el).textContent).to.equal('Borrador guardado');
    expect(el.getValue().text).to.equal('Borrador guardado');
  });

  it('speaks English when the page does', async () => {
    const el = await mount(html`<atento-rich-editor locale="en"></atento-rich-editor>`);
    expect(tool(el, 'bold').getAttribute('aria-label')).to.equal('Bold');
    expect(content(el).getAttribute('aria-label')).to.equal('Message body');
  });
});
