import type { Catalog } from './en.js';

/** The Spanish catalog. Labels from the product documents (seeds) are used as written there. */
export const es: Catalog = {
  'common.retry': 'Reintentar',
  'common.loading': 'Cargando…',
  'common.close': 'Cerrar',
  'common.cancel': 'Cancelar',

  'error.not-found': 'Este elemento ya no existe.',
  'error.forbidden': 'No tiene permiso para realizar esta acción.',
  'error.invalid': 'Hay datos que no son válidos.',
  'error.conflict': 'Esto cambió mientras tanto. Recargue e intente de nuevo.',
  'error.too-large': 'El archivo es demasiado grande.',
  'error.unsupported-type': 'Este tipo de archivo no está permitido.',
  'error.offline': 'Parece que no hay conexión. Revise su conexión e intente de nuevo.',
  'error.committed': 'Demasiado tarde: el mensaje ya fue enviado.',
  'error.unavailable':
    'El servicio no está disponible por el momento. Intente de nuevo en un momento.',
  'error.unknown': 'Algo salió mal.',
  'error.no-adapter': 'Este elemento no está conectado a ningún servidor.',

  'quickReplies.title': 'Respuestas rápidas',
  'quickReplies.allCategories': 'Todas las categorías',
  'quickReplies.category': 'Categoría',
  'quickReplies.search': 'Buscar respuestas',
  'quickReplies.list': 'Respuestas guardadas',
  'quickReplies.loading': 'Cargando respuestas guardadas…',
  'quickReplies.loadError': 'No se pudieron cargar las respuestas guardadas.',
  'quickReplies.empty': 'Aún no hay respuestas guardadas.',
  'quickReplies.emptyHint': 'Un supervisor puede agregarlas para todo el equipo.',
  'quickReplies.noMatch': ({ query }) => `Ninguna respuesta coincide con «${query}».`,
  'quickReplies.noMatchInCategory': ({ category }) => `No hay respuestas en «${category}».`,
  'quickReplies.count': ({ count }) => (count === 1 ? '1 respuesta' : `${count} respuestas`),
  'quickReplies.preview': 'Vista previa',
  'quickReplies.previewEmpty': 'Elija una respuesta para verla.',
  'quickReplies.insert': 'Insertar',
  'quickReplies.shortcut': ({ shortcut }) => `Atajo /${shortcut}`,
  'quickReplies.tagResolved': ({ tag }) => `Completado con {{${tag}}}`,
  'quickReplies.tagFallback': ({ tag }) => `Sin valor para {{${tag}}}: se usó el valor por defecto`,
  'quickReplies.tagMissing': ({ tag }) =>
    `Sin valor para {{${tag}}} ni valor por defecto: quedará vacío`,
  'quickReplies.tagUnknown': ({ tag }) =>
    `Etiqueta desconocida {{${tag}}}: se insertará tal como está escrita`,
  'quickReplies.warningsTitle': 'Revise antes de insertar',
  'quickReplies.keyboardHint': '↑ ↓ para moverse · Enter para insertar',

  'mailBody.remoteBlocked': ({ count }) =>
    count === 1
      ? 'Las imágenes y el contenido remoto están bloqueados (1 elemento).'
      : `Las imágenes y el contenido remoto están bloqueados (${count} elementos).`,
  'mailBody.showImages': 'Mostrar imágenes',
  'mailBody.frameTitle': ({ subject }) => `Contenido del mensaje: ${subject}`,
  'mailBody.frameTitleNoSubject': 'Contenido del mensaje',
  'mailBody.quoteToggle': 'Mostrar u ocultar el texto citado',
  'mailBody.empty': 'Este mensaje no tiene texto.',
  'mailBody.attachments': ({ count }) => (count === 1 ? '1 adjunto' : `${count} adjuntos`),
  'mailBody.download': 'Descargar',
  'mailBody.downloadFile': ({ name }) => `Descargar ${name}`,
};
