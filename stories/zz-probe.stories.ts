import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/zz-probe/zz-probe.js';

const meta: Meta = {
  title: 'Probe/zz-probe',
  component: 'zz-probe',
  render: (args) => html`<zz-probe name=${args['name']}></zz-probe>`,
  args: { name: 'mundo' },
};
export default meta;

export const Default: StoryObj = {};
