/**
 * The English catalog, and the master shape of every catalog: `es` must have exactly these keys
 * (a missing or extra key is a type error). Values are strings or functions of typed parameters.
 */
export const en = {
  'common.retry': 'Try again',
  'common.loading': 'Loading…',
  'common.close': 'Close',
  'common.cancel': 'Cancel',

  'error.not-found': 'This item no longer exists.',
  'error.forbidden': 'You do not have permission to do this.',
  'error.invalid': 'Some information is not valid.',
  'error.conflict': 'This changed in the meantime. Reload and try again.',
  'error.too-large': 'The file is too large.',
  'error.unsupported-type': 'This type of file is not allowed.',
  'error.offline': 'You appear to be offline. Check your connection and try again.',
  'error.committed': 'Too late: the message has already been sent.',
  'error.unavailable': 'The service is temporarily unavailable. Try again in a moment.',
  'error.unknown': 'Something went wrong.',
  'error.no-adapter': 'No backend is connected to this element.',

  'quickReplies.title': 'Quick replies',
  'quickReplies.allCategories': 'All categories',
  'quickReplies.category': 'Category',
  'quickReplies.search': 'Search replies',
  'quickReplies.list': 'Saved replies',
  'quickReplies.loading': 'Loading saved replies…',
  'quickReplies.loadError': 'Saved replies could not be loaded.',
  'quickReplies.empty': 'There are no saved replies yet.',
  'quickReplies.emptyHint': 'A supervisor can add them for the whole team.',
  'quickReplies.noMatch': (p: { query: string }) => `No reply matches “${p.query}”.`,
  'quickReplies.noMatchInCategory': (p: { category: string }) => `No replies in “${p.category}”.`,
  'quickReplies.count': (p: { count: number }) =>
    p.count === 1 ? '1 reply' : `${p.count} replies`,
  'quickReplies.preview': 'Preview',
  'quickReplies.previewEmpty': 'Choose a reply to preview it.',
  'quickReplies.insert': 'Insert',
  'quickReplies.shortcut': (p: { shortcut: string }) => `Shortcut /${p.shortcut}`,
  'quickReplies.tagResolved': (p: { tag: string }) => `Filled from {{${p.tag}}}`,
  'quickReplies.tagFallback': (p: { tag: string }) => `No value for {{${p.tag}}}: fallback used`,
  'quickReplies.tagMissing': (p: { tag: string }) =>
    `No value for {{${p.tag}}} and no fallback: it will be left empty`,
  'quickReplies.tagUnknown': (p: { tag: string }) =>
    `Unknown tag {{${p.tag}}}: it will be inserted as written`,
  'quickReplies.warningsTitle': 'Check before inserting',
  'quickReplies.keyboardHint': '↑ ↓ to move · Enter to insert',

  'mailBody.remoteBlocked': (p: { count: number }) =>
    p.count === 1
      ? 'Images and remote content are blocked (1 item).'
      : `Images and remote content are blocked (${p.count} items).`,
  'mailBody.showImages': 'Show images',
  'mailBody.frameTitle': (p: { subject: string }) => `Message content: ${p.subject}`,
  'mailBody.frameTitleNoSubject': 'Message content',
  'mailBody.quoteToggle': 'Show or hide quoted text',
  'mailBody.empty': 'This message has no text.',
  'mailBody.attachments': (p: { count: number }) =>
    p.count === 1 ? '1 attachment' : `${p.count} attachments`,
  'mailBody.download': 'Download',
  'mailBody.downloadFile': (p: { name: string }) => `Download ${p.name}`,
} as const;

/** Every message key. */
export type MessageKey = keyof typeof en;

/** The shape every catalog implements: same keys, same parameters. */
export type Catalog = {
  [K in MessageKey]: (typeof en)[K] extends (params: infer P) => string
    ? (params: P) => string
    : string;
};

/** Parameters a key takes, as a tuple for rest arguments (empty when the message is plain text). */
export type MessageParams<K extends MessageKey> = (typeof en)[K] extends (params: infer P) => string
  ? [params: P]
  : [];
