import { AdapterError } from '../../adapter.js';
import type { Channel, ComposeMode } from '../../../model/index.js';
import { isValidAddress, normalizeAddress } from '../../../model/index.js';

/** Input checks shared by several operations; each failure is `invalid` on the field at fault. */

const MODES: readonly ComposeMode[] = ['reply', 'replyAll', 'forward', 'new', 'chat'];
const CHANNELS: readonly Channel[] = ['email', 'chat'];

export function checkMode(mode: unknown): asserts mode is ComposeMode {
  if (!MODES.includes(mode as ComposeMode)) {
    throw new AdapterError('invalid', `Unknown compose mode ${String(mode)}.`, { field: 'mode' });
  }
}

export function checkChannel(channel: unknown): asserts channel is Channel {
  if (!CHANNELS.includes(channel as Channel)) {
    throw new AdapterError('invalid', `Unknown channel ${String(channel)}.`, { field: 'channel' });
  }
}

/** The normalized form of a valid email address. */
export function validAddress(address: unknown, field: string): string {
  const a = normalizeAddress(String(address ?? ''));
  if (!isValidAddress(a))
    throw new AdapterError('invalid', `${String(address)} is not a valid address.`, { field });
  return a;
}
