/**
 * The ids tests and stories need from `createSeedData()`. They never change with the anchor
 * date.
 */
const ENGLISH_CASE = {
  conversationId: 'conv-6610',
  contactId: 'ct-daniel-brooks',
  address: 'daniel.brooks@lakesiderunning.example',
} as const;

export const SEED_IDS = {
  agents: {
    /** Lucía Ramos, role `agent`. */
    agent: 'agent-lucia',
    /** Marco Díaz, role `supervisor`. */
    supervisor: 'agent-marco',
    /** Ana Quispe, role `coordinator`. */
    coordinator: 'agent-ana',
  },
  campaigns: {
    /** Tienda Andina (Spanish), soporte@tiendaandina.pe, undo 10 s, the chat widget's campaign. */
    es: 'camp-tienda-andina',
    /** Northwind Outfitters (English), support@northwind.example, undo 5 s, no email fallback for chats. */
    en: 'camp-northwind',
  },
  /** The seed's case (seed 000): Jorge Taype, #6597, 16 interactions of which 14 are open. */
  jorge: {
    contactId: 'ct-jorge-taype',
    conversationId: 'conv-6597',
    address: 'jorge.taype96@gmail.com',
    number: 6597,
    visitorId: 'vis-jorge-taype',
    deviceId: 'device-jorge-taype',
    /** The oldest interaction (closed, a plain-text email). */
    firstInteractionId: 'int-6597-01',
    /** The newest interaction: an email thread whose last inbound message is unread. */
    latestInteractionId: 'int-6597-16',
    /** The newest message (inbound, unread, with a JPEG attachment). */
    latestMessageId: 'msg-6597-16-03',
    /** An HTML email with an inline `cid:` image and a JPEG attachment. */
    inlineImageMessageId: 'msg-6597-05-01',
    /** An email with a remote tracking image and a CSS `url()` background. */
    remoteImagesMessageId: 'msg-6597-08-01',
    /** An email with `<script>` and an `onerror=` attribute. */
    unsafeHtmlMessageId: 'msg-6597-09-01',
    /** A plain-text-only email (no HTML part). */
    plainTextMessageId: 'msg-6597-01-01',
    /** An email whose originDate is in the future (the sender's clock was wrong). */
    futureOriginMessageId: 'msg-6597-11-01',
    /** An email carrying CC to other people and to the agent. */
    ccMessageId: 'msg-6597-13-01',
    /** An agent email with a PDF attachment. */
    pdfMessageId: 'msg-6597-06-01',
  },
  blocked: {
    address: 'ofertas@promo-spam.example',
    domain: '@phishing.example',
  },
  /** Device ids of the seed's website visitors. */
  visitors: {
    jorge: 'device-jorge-taype',
    /** Carla Mendoza: gave her email; unread chat. */
    known: 'device-carla-mendoza',
    /** An anonymous visitor (no name, no email); unread chat. */
    anonymous: 'device-anon-7f3a9c',
    /** Valeria Torres: chat then email in the same case. */
    mixed: 'device-valeria-torres',
    /** Emily Carter: an English chat in the Northwind campaign. */
    english: 'device-emily-carter',
  },
  /** The anonymous chat case. */
  anonymousChat: {
    conversationId: 'conv-6599',
    visitorId: 'vis-anon-7f3a9c',
    contactId: 'ct-visitor-7f3a9c',
    deviceId: 'device-anon-7f3a9c',
  },
  /** Carla's chat case (known email, unread). */
  knownChat: {
    conversationId: 'conv-6598',
    visitorId: 'vis-carla-mendoza',
    contactId: 'ct-carla-mendoza',
    address: 'carla.mendoza@gmail.com',
  },
  /** Valeria's case: started as chat, continued by email. */
  mixedCase: {
    conversationId: 'conv-6603',
    visitorId: 'vis-valeria-torres',
    contactId: 'ct-valeria-torres',
  },
  /** An English email case with a long CC list. */
  english: ENGLISH_CASE,
  /** Emily's English chat (Northwind: no email fallback). */
  englishChat: {
    conversationId: 'conv-6612',
    visitorId: 'vis-emily-carter',
    contactId: 'ct-emily-carter',
  },
  /** A case opened by mail from an unknown sender (contact `source: 'auto'`). */
  autoContactCase: {
    conversationId: 'conv-6602',
    contactId: 'ct-auto-psalazar',
    address: 'p.salazar.r@outlook.com',
  },
  /** A completed email case. */
  completedCase: { conversationId: 'conv-6600' },
  /** A saved draft: (conversation, mode) with revision 3. */
  draft: { conversationId: 'conv-6611', mode: 'reply', revision: 3 },
  quickReplies: {
    greeting: 'qr-es-saludo',
    shipping: 'qr-es-envio-plazos',
    returns: 'qr-es-devolucion',
    thanks: 'qr-es-cierre-gracias',
    englishGreeting: 'qr-en-greeting',
  },
} as const;
