/** Served by the `atento-docs` Vite plugin (.storybook/plugins/atento-docs.ts). */
declare module 'virtual:atento-event-details' {
  import type { EventDetails } from '../plugins/event-details.js';
  const details: EventDetails;
  export default details;
}
