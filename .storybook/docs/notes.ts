/**
 * The hand-written half of an element's docs page (the other half comes from
 * custom-elements.json). Each public element's stories set it as `parameters.docs.notes`.
 * Text may use `inline code`.
 */
export interface ElementNotes {
  /** What the element is for and when to reach for it, one string per paragraph. */
  usage: string[];
  /** Roles, names, live regions and focus handling, one string per point. */
  accessibility: string[];
  /** The keys the element handles: where focus is, the keys, what they do. */
  keyboard: Array<{ where: string; keys: string[]; action: string }>;
  /** A plain HTML page using the element (from the README's embedding sections). */
  embed: string;
}
