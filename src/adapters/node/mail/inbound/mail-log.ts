/**
 * The slice of the server's logger (Fastify's pino) the mail-in side writes to: structured
 * fields first, then the message. Passwords and tokens of mailboxes are never passed to it.
 */
export type MailLogFn = (fields: Record<string, unknown>, message: string) => void;

export interface MailLog {
  debug: MailLogFn;
  info: MailLogFn;
  warn: MailLogFn;
  error: MailLogFn;
}

/** A logger that drops everything (tools and tests that do not look at logs). */
export const SILENT_LOG: MailLog = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
};
