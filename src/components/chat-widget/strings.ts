/**
 * The chat widget's own strings, Spanish first (the shared i18n catalog is too big for the
 * widget's size budget). `t(locale, key, params)` replaces `{name}` placeholders.
 */
export type ChatLocale = 'es' | 'en';

const es = {
  dialog: 'Chat',
  close: 'Cerrar el chat',
  online: 'En línea',
  offlineAgents: 'Le responderemos por correo',
  replyTime: 'Respondemos {time}',
  log: 'Mensajes',
  loading: 'Cargando la conversación…',
  loadOlder: 'Cargar mensajes anteriores',
  loadingOlder: 'Cargando mensajes anteriores…',
  today: 'Hoy',
  yesterday: 'Ayer',
  you: 'Usted',
  agent: 'Agente',
  sending: 'Enviando',
  sent: 'Enviado',
  read: 'Leído',
  failed: 'No se envió',
  retry: 'Reintentar',
  discard: 'Descartar',
  typing: '{name} está escribiendo…',
  someone: 'Un agente',
  offline: 'Sin conexión. Enviaremos sus mensajes al volver.',
  error: 'No pudimos cargar el chat.',
  tryAgain: 'Reintentar',
  notPersistent: 'El historial no se guardará en este dispositivo',
  message: 'Mensaje',
  placeholder: 'Escriba un mensaje…',
  send: 'Enviar',
  attach: 'Adjuntar archivo',
  emoji: 'Emoji',
  removeFile: 'Quitar {name}',
  uploading: 'Subiendo {name}, {percent} %',
  tooLarge: '«{name}» pesa {size}; el máximo es {max}.',
  unsupported: 'No se admiten archivos .{ext}. Se aceptan: {accepted}.',
  empty: '«{name}» está vacío.',
  uploadFailed: 'No se pudo subir «{name}»: {reason}',
  captureTitle: 'Antes de empezar, déjenos sus datos',
  captureRequired: 'Ahora no hay agentes en línea. Le responderemos por correo.',
  captureOffer: 'Déjenos su correo por si nos desconectamos',
  leaveEmail: 'Dejar mi correo',
  dismiss: 'Ahora no',
  name: 'Nombre',
  email: 'Correo electrónico',
  save: 'Guardar',
  start: 'Empezar a chatear',
  saving: 'Guardando…',
  nameMissing: 'Escriba su nombre.',
  emailMissing: 'Escriba su correo electrónico.',
  emailInvalid: 'Escriba un correo válido, por ejemplo nombre@dominio.com.',
  identifyFailed: 'No pudimos guardar sus datos: {reason}',
  saved: 'Gracias, le escribiremos a {email} si hace falta.',
} as const;

export type ChatStringKey = keyof typeof es;

const en: Record<ChatStringKey, string> = {
  dialog: 'Chat',
  close: 'Close the chat',
  online: 'Online',
  offlineAgents: "We'll reply by email",
  replyTime: 'We reply {time}',
  log: 'Messages',
  loading: 'Loading the conversation…',
  loadOlder: 'Load earlier messages',
  loadingOlder: 'Loading earlier messages…',
  today: 'Today',
  yesterday: 'Yesterday',
  you: 'You',
  agent: 'Agent',
  sending: 'Sending',
  sent: 'Sent',
  read: 'Read',
  failed: 'Not sent',
  retry: 'Retry',
  discard: 'Discard',
  typing: '{name} is typing…',
  someone: 'An agent',
  offline: "You're offline. We'll send your messages when you're back.",
  error: "We couldn't load the chat.",
  tryAgain: 'Try again',
  notPersistent: "History won't be saved on this device",
  message: 'Message',
  placeholder: 'Type a message…',
  send: 'Send',
  attach: 'Attach a file',
  emoji: 'Emoji',
  removeFile: 'Remove {name}',
  uploading: 'Uploading {name}, {percent}%',
  tooLarge: '“{name}” is {size}; the limit is {max}.',
  unsupported: '.{ext} files are not accepted. Accepted: {accepted}.',
  empty: '“{name}” is empty.',
  uploadFailed: 'Could not upload “{name}”: {reason}',
  captureTitle: 'Before we start, leave us your details',
  captureRequired: "No agent is online right now. We'll reply by email.",
  captureOffer: 'Leave us your email in case we get disconnected',
  leaveEmail: 'Leave my email',
  dismiss: 'Not now',
  name: 'Name',
  email: 'Email',
  save: 'Save',
  start: 'Start chatting',
  saving: 'Saving…',
  nameMissing: 'Enter your name.',
  emailMissing: 'Enter your email address.',
  emailInvalid: 'Enter a valid email, for example name@domain.com.',
  identifyFailed: "We couldn't save your details: {reason}",
  saved: "Thanks, we'll write to {email} if needed.",
};

const tables: Record<ChatLocale, Record<ChatStringKey, string>> = { es, en };

/** `es` unless the tag starts with `en`. */
export function chatLocale(tag: string | null | undefined): ChatLocale {
  return tag?.toLowerCase().startsWith('en') ? 'en' : 'es';
}

export function t(
  locale: ChatLocale,
  key: ChatStringKey,
  params?: Record<string, string | number>,
): string {
  const text = tables[locale][key];
  return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(params[name] ?? m)) : text;
}
