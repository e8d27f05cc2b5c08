import { AdapterError } from '../../adapters/adapter.js';
import type { LocalizeController } from '../../i18n/localize-controller.js';

/** Thrown by an element asked to load data while no adapter is provided or set. */
export class MissingAdapterError extends Error {
  constructor() {
    super('No adapter: provide one with provideAtento() or set the element’s `adapter` property');
  }
}

/** The localized sentence an element shows for a failed adapter call. */
export function errorMessage(i18n: LocalizeController, error: unknown): string {
  if (error instanceof AdapterError) return i18n.t(`error.${error.code}`);
  if (error instanceof MissingAdapterError) return i18n.t('error.no-adapter');
  return i18n.t('error.unknown');
}
