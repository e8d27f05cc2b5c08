import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/mail-thread/mail-body.js';
import type { MailBody } from '../../src/components/mail-thread/mail-body.js';
import { createSeedData, SEED_IDS } from '../../src/adapters/memory/index.js';
import type { Message } from '../../src/model/index.js';

const seed = createSeedData();
const seedMessage = (id: string): Message => {
  const message = seed.messages.find((m) => m.id === id);
  if (!message) throw new Error(`no seed message ${id}`);
  return message;
};
const ID = SEED_IDS.jorge;

/** A seed message of the case whose HTML carries a Gmail quote of the previous message. */
const quotedMessage = seed.messages.find(
  (m) =>
    m.conversationId === ID.conversationId &&
    m.html?.includes('gmail_quote') &&
    !m.html.includes('Forwarded'),
)!;

function message(overrides: Partial<Message>): Message {
  return { ...seedMessage(ID.plainTextMessageId), attachments: [], ...overrides };
}

async function mount(msg: Message, options: { showRemote?: boolean; lang?: string } = {}) {
  const root = await fixture<HTMLDivElement>(html`
    <div lang=${options.lang ?? 'es'} style="width: 640px">
      <atento-mail-body
        .message=${msg}
        ?show-remote=${options.showRemote ?? false}
      ></atento-mail-body>
    </div>
  `);
  const el = root.querySelector('atento-mail-body')!;
  await el.updateComplete;
  return el;
}

const $ = (el: MailBody, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const frameOf = (el: MailBody) => $(el, 'iframe') as HTMLIFrameElement;
const srcdoc = (el: MailBody) => frameOf(el).srcdoc;
const frameDoc = (el: MailBody) => new DOMParser().parseFromString(srcdoc(el), 'text/html');

describe('<atento-mail-body>', () => {
  it('resolves the inline cid: image to its attachment and lists only the other file', async () => {
    const msg = seedMessage(ID.inlineImageMessageId);
    const inline = msg.attachments.find((a) => a.contentId)!;
    const el = await mount(msg);
    const img = frameDoc(el).querySelector('img')!;
    expect(img.getAttribute('src')).to.equal(inline.url);
    expect(srcdoc(el)).not.to.include('cid:');
    expect($(el, '[part=remote-notice]')).to.equal(null);
    const names = [...el.shadowRoot!.querySelectorAll('[part=attachment-name]')].map((n) =>
      n.textContent!.trim(),
    );
    expect(names).to.deep.equal(['IMG_20261013_181544.jpg']);
    const download = $(el, '[part=download]') as HTMLAnchorElement;
    expect(download.getAttribute('download')).to.equal('IMG_20261013_181544.jpg');
    expect(download.getAttribute('rel')).to.equal('noopener');
    expect(download.href).to.equal(msg.attachments[1]!.url);
    expect($(el, '[part=attachment-meta]')!.textContent).to.match(/B.*image\/jpeg/);
    await expect(el).to.be.accessible();
  });

  it('gives the frame exactly the sandbox tokens and a CSP without scripts', async () => {
    const el = await mount(seedMessage(ID.inlineImageMessageId));
    const frame = frameOf(el);
    expect([...frame.sandbox].sort()).to.deep.equal([
      'allow-popups',
      'allow-popups-to-escape-sandbox',
    ]);
    expect(frame.getAttribute('sandbox')).not.to.match(/allow-scripts|allow-same-origin/);
    expect(frame.title).to.include(msg(el).subject);
    const csp = frameDoc(el)
      .querySelector('meta[http-equiv="Content-Security-Policy"]')!
      .getAttribute('content')!;
    expect(csp).to.include("default-src 'none'");
    expect(csp).to.include("style-src 'unsafe-inline'");
    expect(csp).to.match(/img-src data: blob:(?!.*https:)/);
    expect(csp).not.to.include('script-src');
  });

  it('blocks remote images with a counter until "Show images"', async () => {
    const msg = seedMessage(ID.remoteImagesMessageId);
    const el = await mount(msg);
    const notice = $(el, '[part=remote-notice]')!;
    expect(notice.textContent).to.match(/bloqueados \(\d+ elementos\)/);
    expect(srcdoc(el)).not.to.include('olvacourier.example/mail/');
    expect(srcdoc(el)).not.to.include('track.olvacourier.example');
    await expect(el).to.be.accessible();

    const button = $(el, '[part=show-images-button]')!;
    setTimeout(() => button.click());
    const event = await oneEvent(el, 'mail-show-images');
    expect(event.detail.message).to.equal(msg);
    expect(event.detail.sender).to.equal(ID.address);
    await el.updateComplete;
    expect(el.hasAttribute('show-remote')).to.equal(true);
    expect($(el, '[part=remote-notice]')).to.equal(null);
    const doc = frameDoc(el);
    expect(
      doc.querySelector('img[src="https://cdn.olvacourier.example/mail/logo-olva.png"]'),
    ).not.to.equal(null);
    expect(srcdoc(el)).to.include('url(&quot;https://cdn.olvacourier.example/mail/pattern.png');
    expect(doc.querySelector('meta[http-equiv]')!.getAttribute('content')).to.include('https:');
    await expect(el).to.be.accessible();
  });

  it('keeps images blocked when mail-show-images is cancelled', async () => {
    const el = await mount(seedMessage(ID.remoteImagesMessageId));
    el.addEventListener('mail-show-images', (e) => e.preventDefault());
    $(el, '[part=show-images-button]')!.click();
    await el.updateComplete;
    expect(el.showRemote).to.equal(false);
    expect($(el, '[part=remote-notice]')).not.to.equal(null);
    expect(srcdoc(el)).not.to.include('cdn.olvacourier.example');
  });

  for (const key of ['Enter', 'Space'] as const) {
    it(`shows images from the keyboard (${key})`, async () => {
      const el = await mount(seedMessage(ID.remoteImagesMessageId));
      $(el, '[part=show-images-button]')!.focus();
      await sendKeys({ press: key });
      await el.updateComplete;
      expect(el.showRemote).to.equal(true);
      expect(srcdoc(el)).to.include('https://cdn.olvacourier.example/mail/logo-olva.png');
    });
  }

  it('renders the unsafe seed message without its script, handlers or javascript: link', async () => {
    const el = await mount(seedMessage(ID.unsafeHtmlMessageId));
    const doc = frameDoc(el);
    expect(doc.querySelector('script')).to.equal(null);
    expect(srcdoc(el)).not.to.match(/<script|onerror|onclick|javascript:|evil\.example/i);
    const link = [...doc.querySelectorAll('a')].find(
      (a) => a.textContent === 'Ver reseña completa',
    )!;
    expect(link.hasAttribute('href')).to.equal(false);
    expect(doc.body.textContent).to.include('Muy cómodas, pero revisen las tallas');
    expect($(el, '[part=remote-notice]')).not.to.equal(null); // its review-widget image is remote
    await expect(el).to.be.accessible();
  });

  it('renders plain text as text, with links and folded > quotes', async () => {
    const plain = seedMessage(ID.plainTextMessageId);
    expect(plain.html).to.equal(undefined);
    const seedEl = await mount(plain);
    expect(frameDoc(seedEl).querySelector('.atento-text')!.textContent).to.equal(plain.text);
    expect(frameDoc(seedEl).querySelector('.atento-text')!.getAttribute('style')).to.equal(
      'white-space:pre-wrap',
    );

    const el = await mount(
      message({
        text:
          'Hola, el seguimiento está en https://olva.example/s?c=1&x=2. ¿Ok?\n' +
          'Escríbanme a jorge@example.pe o a <mailto:otro@example.pe>.\n' +
          'No es enlace: javascript:alert(1) ni <b>negrita</b>\n\n' +
          'El lun, 3 nov 2026 a las 10:00, Soporte <soporte@tiendaandina.pe> escribió:\n' +
          '> Hola Jorge,\n> ¿nos confirma la talla?\n>\n> Lucía',
      }),
    );
    const doc = frameDoc(el);
    const links = [...doc.querySelectorAll('a')].map((a) => [a.getAttribute('href'), a.target]);
    expect(links).to.deep.equal([
      ['https://olva.example/s?c=1&x=2', '_blank'],
      ['mailto:jorge@example.pe', '_blank'],
      ['mailto:otro@example.pe', '_blank'],
      ['mailto:soporte@tiendaandina.pe', '_blank'],
    ]);
    expect(doc.querySelector('b')).to.equal(null);
    expect(doc.body.textContent).to.include('<b>negrita</b>');
    const details = doc.querySelector('details.atento-quote')!;
    expect(details.hasAttribute('open')).to.equal(false);
    expect(details.querySelector('summary')!.textContent).to.equal('…');
    expect(details.querySelector('summary')!.getAttribute('aria-label')).to.equal(
      'Mostrar u ocultar el texto citado',
    );
    expect(details.textContent).to.include('escribió:');
    expect(details.textContent).to.include('> ¿nos confirma la talla?');
    await expect(el).to.be.accessible();
  });

  it('folds Gmail quoted history into a closed <details>, localized', async () => {
    expect(quotedMessage, 'a quoted seed message').not.to.equal(undefined);
    const el = await mount(quotedMessage, { lang: 'en' });
    const doc = frameDoc(el);
    const details = doc.querySelector<HTMLDetailsElement>('details.atento-quote')!;
    expect(details.open).to.equal(false);
    expect(details.querySelector(':scope > .gmail_quote')).not.to.equal(null);
    expect(details.querySelector('summary')!.getAttribute('aria-label')).to.equal(
      'Show or hide quoted text',
    );
    // The message's own words stay outside.
    expect(doc.body.firstElementChild!.localName).not.to.equal('details');
    await expect(el).to.be.accessible();
  });

  it('folds Outlook and Apple Mail history, but never a forward or the whole message', async () => {
    const outlook = await mount(
      message({
        html:
          '<div>Gracias, lo reviso.</div><div id="appendonsend"></div><hr>' +
          '<div id="divRplyFwdMsg"><b>De:</b> Soporte</div><div>Texto anterior</div>',
      }),
    );
    const details = frameDoc(outlook).querySelector('details.atento-quote')!;
    expect(details.textContent).to.include('Texto anterior');
    expect(details.querySelector('hr')).not.to.equal(null);

    const apple = await mount(
      message({
        html: '<div>Ok</div><blockquote type="cite"><div>On Mon, X wrote:</div>Hi</blockquote>',
      }),
    );
    expect(frameDoc(apple).querySelector('details.atento-quote > blockquote')).not.to.equal(null);

    const forward = await mount(seedMessage(ID.remoteImagesMessageId));
    expect(frameDoc(forward).querySelector('details.atento-quote')).to.equal(null);

    const onlyQuote = await mount(
      message({ html: '<blockquote type="cite">solo cita</blockquote>' }),
    );
    expect(frameDoc(onlyQuote).querySelector('details')).to.equal(null);
  });

  it('says so when a message has no text, and still lists its attachments', async () => {
    const withFile = seedMessage(ID.inlineImageMessageId).attachments[1]!;
    const el = await mount(message({ text: '  ', html: undefined, attachments: [withFile] }));
    expect($(el, 'iframe')).to.equal(null);
    expect($(el, '[part=empty]')!.textContent).to.equal('Este mensaje no tiene texto.');
    expect($(el, '[part=attachment-name]')!.textContent!.trim()).to.equal(withFile.name);
    await expect(el).to.be.accessible();

    const bare = await mount(message({ text: '', attachments: [] }), { lang: 'en' });
    expect($(bare, '[part=empty]')!.textContent).to.equal('This message has no text.');
    expect($(bare, '[part=attachments]')).to.equal(null);
    await expect(bare).to.be.accessible();
  });

  it('sizes the frame to its content and follows width changes', async () => {
    const short = await mount(message({ text: 'Una línea.' }));
    const long = await mount(
      message({ text: Array.from({ length: 60 }, (_, i) => `Línea ${i}`).join('\n') }),
    );
    await waitUntil(() => frameOf(long).style.blockSize, 'measured');
    await waitUntil(() => frameOf(short).style.blockSize, 'measured');
    const shortHeight = frameOf(short).getBoundingClientRect().height;
    const longHeight = frameOf(long).getBoundingClientRect().height;
    expect(shortHeight).to.be.within(20, 60);
    expect(longHeight).to.be.within(60 * 18, 60 * 24);

    const wrap = await mount(message({ text: 'palabra '.repeat(400) }));
    await waitUntil(() => frameOf(wrap).style.blockSize, 'measured');
    const wide = frameOf(wrap).getBoundingClientRect().height;
    (wrap.parentElement as HTMLElement).style.width = '320px';
    await waitUntil(
      () => frameOf(wrap).getBoundingClientRect().height > wide * 1.5,
      'grows when narrower',
    );
  });

  it('gives the frame the height of its document (checked against a readable copy)', async () => {
    for (const msg of [
      seedMessage(ID.inlineImageMessageId),
      seedMessage(ID.remoteImagesMessageId),
      seedMessage(ID.unsafeHtmlMessageId),
      quotedMessage,
      seedMessage(ID.plainTextMessageId),
    ]) {
      const el = await mount(msg);
      const frame = frameOf(el);
      await waitUntil(() => frame.style.blockSize, 'measured');
      await new Promise((resolve) => setTimeout(resolve, 100)); // inline images decode
      // A same-origin copy of the same srcdoc (test only), whose document can be measured.
      const probe = document.createElement('iframe');
      probe.style.cssText = `width: ${frame.clientWidth}px; height: 10px; border: 0`;
      probe.srcdoc = frame.srcdoc;
      const loaded = new Promise((resolve) => probe.addEventListener('load', resolve));
      document.body.append(probe);
      await loaded;
      await Promise.all([...probe.contentDocument!.images].map((i) => i.decode().catch(() => {})));
      const real = probe.contentDocument!.documentElement.scrollHeight;
      probe.remove();
      const measured = parseFloat(frame.style.blockSize);
      expect(Math.abs(measured - real), `${msg.id}: ${measured} vs ${real}`).to.be.below(5);
    }
  });

  it('refuses unsafe attachment URLs as download links', async () => {
    const el = await mount(
      message({
        attachments: [
          {
            id: 'a1',
            name: 'x.html',
            size: 10,
            type: 'text/html',
            kind: 'text',
            url: 'javascript:alert(1)',
            inline: false,
          },
        ],
      }),
    );
    expect($(el, '[part=attachment]')).not.to.equal(null);
    expect($(el, '[part=download]')).to.equal(null);
  });
});

function msg(el: MailBody): Message {
  return el.message!;
}
