export { en, type Catalog, type MessageKey, type MessageParams } from './en.js';
export { es } from './es.js';
export { catalogs, translate } from './catalogs.js';
export { formatDate, formatFileSize, formatNumber } from './format.js';
export { LOCALES, closestLang, toLocale, type Locale } from './locale.js';
export { LocalizeController } from './localize-controller.js';
