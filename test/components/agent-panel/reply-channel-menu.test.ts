import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../../src/components/agent-panel/reply/channel-menu.js';
import type { ChannelMenu } from '../../../src/components/agent-panel/reply/channel-menu.js';
import type { Channel } from '../../../src/model/index.js';

async function mount(
  options: Partial<Pick<ChannelMenu, 'value' | 'options' | 'online'>> = {},
): Promise<{ el: ChannelMenu; chosen: Channel[] }> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang="es"></div>`);
  const el = document.createElement('atento-channel-menu');
  Object.assign(el, options);
  const chosen: Channel[] = [];
  el.addEventListener('channel-select', (e) => chosen.push(e.detail.channel));
  wrapper.append(el);
  await el.updateComplete;
  return { el, chosen };
}

const $ = <T extends Element = HTMLElement>(el: ChannelMenu, selector: string) =>
  el.shadowRoot!.querySelector(selector) as T | null;
const button = (el: ChannelMenu) => $<HTMLButtonElement>(el, '[part=button]')!;
const focused = (el: ChannelMenu) => el.shadowRoot!.activeElement as HTMLElement | null;
const label = (item: HTMLElement | null) => item?.querySelector('.label')?.textContent?.trim();

describe('<atento-channel-menu>', () => {
  it('is a menu button naming the current channel; ↓ opens on the checked item', async () => {
    const { el } = await mount({ value: 'email', online: true });
    expect(button(el).getAttribute('aria-label')).to.equal(
      'Canal de respuesta: Correo electrónico',
    );
    expect(button(el).getAttribute('aria-haspopup')).to.equal('menu');
    button(el).focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(el.open).to.equal(true);
    expect(button(el).getAttribute('aria-expanded')).to.equal('true');
    expect(label(focused(el))).to.equal('Correo electrónico');
    expect(focused(el)!.getAttribute('aria-checked')).to.equal('true');
    const chat = $(el, '[part~=item-chat]')!;
    expect(chat.getAttribute('role')).to.equal('menuitemradio');
    expect(chat.getAttribute('aria-checked')).to.equal('false');
    expect($(el, `#${chat.getAttribute('aria-describedby')}`)!.textContent!.trim()).to.equal(
      'El visitante está en línea',
    );
    await expect(el).to.be.accessible();
  });

  it('arrows wrap, Home/End jump, a letter jumps, Enter chooses and returns focus', async () => {
    const { el, chosen } = await mount({ value: 'chat' });
    button(el).focus();
    await sendKeys({ press: 'Enter' });
    expect(label(focused(el))).to.equal('Chat web');
    await sendKeys({ press: 'ArrowDown' });
    expect(label(focused(el))).to.equal('Correo electrónico');
    await sendKeys({ press: 'ArrowDown' });
    expect(label(focused(el))).to.equal('Chat web', 'wraps');
    await sendKeys({ press: 'End' });
    expect(label(focused(el))).to.equal('Correo electrónico');
    await sendKeys({ press: 'Home' });
    expect(label(focused(el))).to.equal('Chat web');
    await sendKeys({ press: 'c' });
    expect(label(focused(el))).to.equal('Correo electrónico', 'typeahead');
    await sendKeys({ press: 'Enter' });
    expect(chosen).to.deep.equal(['email']);
    expect(el.open).to.equal(false);
    expect(focused(el) === button(el)).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('Escape closes without choosing; choosing the current channel fires nothing', async () => {
    const { el, chosen } = await mount({ value: 'chat' });
    button(el).focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Escape' });
    expect(el.open).to.equal(false);
    expect(focused(el) === button(el)).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Enter' });
    expect(chosen).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('a blocked channel is focusable but cannot be chosen, and says why', async () => {
    const { el, chosen } = await mount({
      value: 'chat',
      options: [{ channel: 'chat' }, { channel: 'email', blocked: 'no-email' }],
    });
    button(el).focus();
    await sendKeys({ press: 'ArrowUp' });
    const email = focused(el)!;
    expect(label(email)).to.equal('Correo electrónico');
    expect(email.getAttribute('aria-disabled')).to.equal('true');
    expect($(el, `#${email.getAttribute('aria-describedby')}`)!.textContent!.trim()).to.equal(
      'El visitante no ha dejado su correo',
    );
    await sendKeys({ press: 'Enter' });
    email.click();
    expect(chosen).to.deep.equal([]);
    expect(el.open).to.equal(true, 'stays open on a blocked item');
    await expect(el).to.be.accessible();
  });

  it('a click outside closes the menu; a click on an item chooses it', async () => {
    const { el, chosen } = await mount({ value: 'chat' });
    button(el).click();
    await waitUntil(() => el.open, 'opened');
    await sendMouse({ type: 'click', position: [700, 500] });
    await waitUntil(() => !el.open, 'closed by a click outside');
    button(el).click();
    await waitUntil(() => el.open, 'opened again');
    $<HTMLElement>(el, '[part~=item-email]')!.click();
    expect(chosen).to.deep.equal(['email']);
    expect(el.open).to.equal(false);
    await expect(el).to.be.accessible();
  });
});
