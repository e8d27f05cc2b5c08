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

  'thread.label': (p: { number: string }) => `Case ${p.number}`,
  'thread.noSubject': '(no subject)',
  'thread.caseNumber': 'Case ID',
  'thread.customer': 'Customer',
  'thread.channels': 'Channels',
  'thread.channelEmail': 'Email',
  'thread.channelChat': 'Chat',
  'thread.statusOpen': 'Open',
  'thread.statusCompleted': 'Completed',
  'thread.blocked': (p: { name: string }) => `Sender blocked by ${p.name}`,
  'thread.toolbar': 'History and navigation',
  'thread.loadHistory': 'Load history',
  'thread.loadOlder': 'Load earlier messages',
  'thread.loadingOlder': 'Loading earlier messages…',
  'thread.olderError': 'Earlier messages could not be loaded.',
  'thread.counter': (p: { index: number; total: number }) => `${p.index} of ${p.total}`,
  'thread.counterLabel': (p: { index: number; total: number }) =>
    `Open interaction ${p.index} of ${p.total}`,
  'thread.previous': 'Previous interaction',
  'thread.next': 'Next interaction',
  'thread.expandAll': 'Expand all',
  'thread.collapseAll': 'Collapse all',
  'thread.feed': 'Messages of the case',
  'thread.interaction': (p: { subject: string }) => `Interaction: ${p.subject}`,
  'thread.interactionClosed': 'Closed',
  'thread.loading': 'Loading the case…',
  'thread.empty': 'This case has no messages yet',
  'thread.noCase': 'Choose a case',
  'thread.markReadError': 'The case could not be marked as read.',
  'thread.blockedError': 'The block list could not be checked.',
  'thread.refreshError': 'The case could not be refreshed.',
  'thread.loadError': 'The case could not be loaded.',
  'thread.offline': 'You are offline. The case will load again as soon as the connection is back.',
  'thread.newMessages': (p: { count: number }) =>
    p.count === 1 ? '1 new message' : `${p.count} new messages`,

  'dialog.close': 'Close',

  'menu.moreOptions': 'More options',

  'detail.title': 'Detail',
  'detail.from': 'From',
  'detail.to': 'To',
  'detail.cc': 'CC',
  'detail.bcc': 'BCC',
  'detail.subject': 'Subject',
  'detail.noSubject': '(no subject)',
  'detail.originDate': 'Origin date',
  'detail.registeredAt': 'Registration date',
  'detail.clockNote':
    'The origin date comes from the sender’s clock; the registration date is when we received the message.',
  'detail.messageId': 'Message-ID',
  'detail.noMessageId': 'None',
  'detail.copy': 'Copy',
  'detail.copyMessageId': 'Copy the Message-ID',
  'detail.copied': 'Copied',
  'detail.copyFailed': 'Could not copy. Select the text and copy it by hand.',
  'detail.channel': 'Channel',
  'detail.channelEmail': 'Email',
  'detail.channelChat': 'Chat',

  'contactDialog.title': 'Add contact',
  'contactDialog.sender': 'Sender',
  'contactDialog.loading': 'Looking for contacts with this address…',
  'contactDialog.loadError': 'Contacts could not be loaded.',
  'contactDialog.owned': (p: { name: string }) => `This address already belongs to ${p.name}.`,
  'contactDialog.noMatch': 'No contact has this address yet. Link it to a contact or create one.',
  'contactDialog.matches': 'Contacts with this address',
  'contactDialog.linkTitle': 'Link to an existing contact',
  'contactDialog.search': 'Search contacts by name or email',
  'contactDialog.searching': 'Searching…',
  'contactDialog.searchEmpty': (p: { query: string }) => `No contact matches “${p.query}”.`,
  'contactDialog.results': 'Contacts found',
  'contactDialog.link': 'Link',
  'contactDialog.linkTo': (p: { name: string }) => `Link to ${p.name}`,
  'contactDialog.createTitle': 'Create contact',
  'contactDialog.name': 'Name',
  'contactDialog.email': 'Email',
  'contactDialog.phone': 'Phone (optional)',
  'contactDialog.create': 'Create contact',
  'contactDialog.nameRequired': 'Enter the contact’s name.',
  'contactDialog.conflict': 'This address already belongs to another contact.',
  'contactDialog.noName': '(no name)',

  'blockDialog.title': 'Add to block list',
  'blockDialog.sender': 'Sender',
  'blockDialog.loading': 'Checking the block list…',
  'blockDialog.loadError': 'The block list could not be loaded.',
  'blockDialog.reason': 'Reason',
  'blockDialog.reasonHint': 'Why should mail from this sender stop reaching the inbox?',
  'blockDialog.reasonRequired': 'Enter the reason for blocking this sender.',
  'blockDialog.wholeDomain': (p: { domain: string }) => `Block the whole domain ${p.domain}`,
  'blockDialog.block': 'Block',
  'blockDialog.conflict': 'This sender is already on the block list.',
  'blockDialog.alreadyBlocked': (p: { address: string }) => `${p.address} is on the block list.`,
  'blockDialog.blockedBy': 'Blocked by',
  'blockDialog.blockedAt': 'Date',
  'blockDialog.blockedReason': 'Reason',
  'blockDialog.entry': 'Entry',
  'blockDialog.unblock': 'Remove from block list',
  'blockDialog.askManager': 'To remove it, ask a coordinator or supervisor.',

  'message.label': (p: { sender: string; date: string }) => `${p.sender}, ${p.date}`,
  'message.agent': '(Agent)',
  'message.noSender': '(no sender)',
  'message.visitor': 'Visitor',
  'message.toMe': 'to me',
  'message.noRecipient': '(no recipient)',
  'message.moreCount': (p: { count: number }) => `+${p.count}`,
  'message.moreCountLabel': (p: { count: number }) =>
    p.count === 1 ? 'and 1 more recipient' : `and ${p.count} more recipients`,
  'message.to': 'To',
  'message.cc': 'CC',
  'message.showMoreRecipients': (p: { count: number }) => `and ${p.count} more`,
  'message.showFewerRecipients': 'show fewer',
  'message.noSubject': '(no subject)',
  'message.attachments': (p: { count: number }) =>
    p.count === 1 ? '1 attachment' : `${p.count} attachments`,
  'message.attachmentLink': (p: { name: string; size: string }) => `${p.name} (${p.size})`,
  'message.status.scheduled': 'Scheduled',
  'message.status.sending': 'Sending…',
  'message.status.sent': 'Sent',
  'message.status.failed': 'Not sent',
  'message.status.cancelled': 'Cancelled',
  'message.status.draft': 'Draft',
  'message.failedReason': (p: { error: string }) => `Not sent: ${p.error}`,
  'message.channel.email': 'Email',
  'message.channel.chat': 'Web chat',
  'message.reply': 'Reply',
  'message.replyAll': 'Reply all',
  'message.forward': 'Forward',
  'message.detail': 'Detail',
  'message.addContact': 'Add contact',
  'message.block': 'Add to block list',
  'message.more': 'More options',

  // composer: the element itself
  'composer.title.reply': (p: { name: string }) => `Reply to ${p.name}`,
  'composer.title.replyAll': 'Reply all',
  'composer.title.forward': 'Forward',
  'composer.title.new': 'New message',
  'composer.to': 'To',
  'composer.cc': 'CC',
  'composer.bcc': 'BCC',
  'composer.showCc': 'Add CC',
  'composer.showBcc': 'Add BCC',
  'composer.subject': 'Subject',
  'composer.body': 'Message',
  'composer.placeholder': 'Write your message…',
  'composer.subjectReply': 'Re:',
  'composer.subjectForward': 'Fwd:',
  'composer.forward.heading': 'Forwarded message',
  'composer.forward.from': 'From',
  'composer.forward.date': 'Date',
  'composer.forward.subject': 'Subject',
  'composer.forward.to': 'To',
  'composer.forward.cc': 'CC',
  'composer.attach': 'Attach files',
  'composer.insertImage': 'Insert image',
  'composer.quickReplies': 'Quick replies',
  'composer.send': 'Send',
  'composer.sendHint': (p: { keys: string }) => `Send (${p.keys})`,
  'composer.discard': 'Delete message',
  'composer.discardTitle': 'Delete this message?',
  'composer.discardBody': 'The draft will be deleted for good.',
  'composer.discardConfirm': 'Delete',
  'composer.saving': 'Saving…',
  'composer.savedAt': (p: { time: string }) => `Saved ${p.time}`,
  'composer.unsaved': 'Unsaved changes',
  'composer.saveFailed': (p: { error: string }) => `Not saved: ${p.error} Retrying…`,
  'composer.saveNow': 'Save now',
  'composer.conflict': 'This draft was changed in another window or by another agent.',
  'composer.keepMine': 'Keep my version',
  'composer.takeTheirs': 'Load the other version',
  'composer.countdown': (p: { seconds: number }) => `Sending in ${p.seconds} s`,
  'composer.countdownStart': (p: { seconds: number }) =>
    `Your message will be sent in ${p.seconds} seconds. You can still cancel.`,
  'composer.undo': 'Cancel sending',
  'composer.sending': 'Sending…',
  'composer.cancelling': 'Cancelling…',
  'composer.sent': 'Sent',
  'composer.restored': 'Sending cancelled. Your message is back as a draft.',
  'composer.error.noRecipient': 'Add at least one recipient.',
  'composer.error.invalidRecipients': 'Fix the invalid addresses before sending.',
  'composer.error.uploading': 'Wait until the files finish uploading.',
  'composer.error.failedUploads': 'Remove or retry the files that could not be uploaded.',
  'composer.error.emptyBody': 'Write a message or attach a file.',
  'composer.error.send': (p: { error: string }) => `Not sent: ${p.error} Your message is kept.`,
  'composer.error.undo': (p: { error: string }) => `Could not cancel: ${p.error}`,
  'composer.pastedAsText':
    'The pasted content was too large to keep its formatting, so it was pasted as plain text.',
  'composer.dropFiles': 'Drop the files to attach them',
  'composer.loading': 'Preparing the message…',
  'composer.loadError': 'The message could not be prepared.',
  'composer.dismiss': 'Dismiss',

  // composer.recipients
  'recipients.suggestions': 'Suggested contacts',
  'recipients.suggestionCount': (p: { count: number }) =>
    p.count === 1 ? '1 suggestion available' : `${p.count} suggestions available`,
  'recipients.unavailable': 'Suggestions unavailable',
  'recipients.remove': (p: { recipient: string }) => `Remove ${p.recipient}`,
  'recipients.removed': (p: { recipient: string }) => `${p.recipient} removed`,
  'recipients.notValid': 'not valid',
  'recipients.chipHint': 'Backspace or Delete to remove',
  'recipients.chipHintInvalid': 'Enter to edit; Backspace or Delete to remove',
  'recipients.invalidOne': (p: { text: string }) => `“${p.text}” is not a valid email address.`,
  'recipients.invalidMany': (p: { count: number; list: string }) =>
    `${p.count} addresses are not valid: ${p.list}`,
  'recipients.list': (p: { items: string; more: number }) =>
    p.more ? `${p.items} and ${p.more} more` : p.items,
  'recipients.duplicate': (p: { address: string }) => `${p.address} is already in the list.`,
  'recipients.duplicates': (p: { count: number }) =>
    p.count === 1 ? '1 was already in the list.' : `${p.count} were already in the list.`,
  'recipients.added': (p: { count: number }) =>
    p.count === 1 ? 'Added 1 address.' : `Added ${p.count} addresses.`,
  'recipients.addedInvalid': (p: { count: number }) =>
    p.count === 1
      ? '1 entry needs correcting (marked in red).'
      : `${p.count} entries need correcting (marked in red).`,
  'recipients.ignored': (p: { count: number; list: string }) =>
    p.count === 1
      ? `Ignored 1 entry that is not an address: ${p.list}`
      : `Ignored ${p.count} entries that are not addresses: ${p.list}`,

  // composer.editor

  // composer.files
  'attachments.list': 'Attachments',
  'attachments.kind.image': 'images',
  'attachments.kind.document': 'documents',
  'attachments.kind.audio': 'audio',
  'attachments.kind.video': 'video',
  'attachments.kind.text': 'text',
  'attachments.refusedType': (p: { name: string; extension: string; allowed: string }) =>
    `“${p.name}” cannot be attached: .${p.extension} files are not allowed. Allowed: ${p.allowed}.`,
  'attachments.refusedNoExtension': (p: { name: string; allowed: string }) =>
    `“${p.name}” cannot be attached: files without an extension are not allowed. Allowed: ${p.allowed}.`,
  'attachments.refusedSize': (p: { name: string; size: string; limit: string }) =>
    `“${p.name}” is ${p.size}; the limit is ${p.limit}.`,
  'attachments.refusedSizeOver': (p: { name: string; limit: string }) =>
    `“${p.name}” is larger than the limit of ${p.limit}.`,
  'attachments.refusedEmpty': (p: { name: string }) =>
    `“${p.name}” is empty (0 bytes) and cannot be attached.`,
  'attachments.refusedDuplicate': (p: { name: string }) => `“${p.name}” is already attached.`,
  'attachments.failedOffline': (p: { name: string }) =>
    `“${p.name}” could not be uploaded: you appear to be offline.`,
  'attachments.failedContent': (p: { name: string }) =>
    `“${p.name}” was refused: its content is not an allowed type of file.`,
  'attachments.failed': (p: { name: string; reason: string }) =>
    `“${p.name}” could not be uploaded. ${p.reason}`,
  'attachments.waiting': 'Waiting…',
  'attachments.uploading': (p: { name: string }) => `Uploading ${p.name}`,
  'attachments.remove': (p: { name: string }) => `Remove ${p.name}`,
  'attachments.retry': 'Retry',
  'attachments.retryFile': (p: { name: string }) => `Retry ${p.name}`,
  'emoji.button': 'Insert emoji',
  'emoji.dialog': 'Choose an emoji',
  'emoji.loading': 'Loading emoji…',
  'emoji.loadError': 'The emoji picker could not be loaded.',
  'emoji.searchDescription':
    'When search results are available, press up or down to select and Enter to choose.',
  'emoji.skinToneDescription': 'When expanded, press up or down to select and Enter to choose.',
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
