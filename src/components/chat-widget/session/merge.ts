/**
 * Merging server messages: one copy per id, in the server's order. Pages and live events may
 * overlap (a resync reloads what live events already brought); known ids are replaced in place.
 */
import type { VisitorMessage } from '../../../model/index.js';

/**
 * Merges `incoming` (in server order) into `list` (in server order), returning a new array.
 * An unknown message is placed after the previous incoming one when that is known, else after
 * the last message registered no later than it.
 */
export function mergeMessages(
  list: readonly VisitorMessage[],
  incoming: readonly VisitorMessage[],
): VisitorMessage[] {
  const out = [...list];
  const index = new Map(out.map((m, i) => [m.id, i]));
  let previous: string | undefined;
  for (const message of incoming) {
    const at = index.get(message.id);
    if (at !== undefined) {
      out[at] = message;
    } else {
      const prev = previous === undefined ? undefined : index.get(previous);
      let position: number;
      if (prev !== undefined) {
        position = prev + 1;
      } else {
        position = out.length;
        while (position > 0 && out[position - 1]!.registeredAt > message.registeredAt) position--;
      }
      if (position === out.length) {
        out.push(message);
        index.set(message.id, position);
      } else {
        out.splice(position, 0, message);
        for (let i = position; i < out.length; i++) index.set(out[i]!.id, i);
      }
    }
    previous = message.id;
  }
  return out;
}
