/**
 * atento: registers every element and re-exports the public types and helpers. Hosts that want
 * only one element import its own module instead (`atento/quick-replies`).
 */
import './components/quick-replies/quick-replies.js';

export {
  QuickReplies,
  type QuickReplySelectDetail,
} from './components/quick-replies/quick-replies.js';
export * from './adapters/adapter.js';
export * from './model/index.js';
export * from './context/index.js';
export { LOCALES, toLocale, type Locale } from './i18n/index.js';
