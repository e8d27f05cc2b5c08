import { expect, fixture, html } from '@open-wc/testing';
import '../src/components/zz-probe/zz-probe.js';
import type { ZzProbe } from '../src/components/zz-probe/zz-probe.js';

describe('zz-probe', () => {
  it('renders the name and counts clicks', async () => {
    const el = await fixture<ZzProbe>(html`<zz-probe name="Ana"></zz-probe>`);
    const button = el.shadowRoot!.querySelector('button')!;
    expect(button.textContent).to.contain('Hello, Ana (0)');
    button.click();
    await el.updateComplete;
    expect(button.textContent).to.contain('(1)');
    await expect(el).to.be.accessible();
  });

  it.skip('is skipped', () => {});
});
