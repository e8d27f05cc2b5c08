/** The short time of a row: today → the time, this week → the weekday, else the date (Intl). */

export type TimeKind = 'time' | 'weekday' | 'date' | 'date-year';

const DAY = 24 * 60 * 60 * 1000;

function startOfDay(d: Date): number {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

/** How far back `at` is from `now`, in the local calendar. */
export function timeKind(at: Date, now: Date): TimeKind {
  const days = Math.round((startOfDay(now) - startOfDay(at)) / DAY);
  if (days <= 0) return 'time';
  if (days < 7) return 'weekday';
  return at.getFullYear() === now.getFullYear() ? 'date' : 'date-year';
}

export const TIME_FORMATS: Record<TimeKind, Intl.DateTimeFormatOptions> = {
  time: { hour: 'numeric', minute: '2-digit' },
  weekday: { weekday: 'short' },
  date: { day: 'numeric', month: 'short' },
  'date-year': { day: 'numeric', month: 'short', year: 'numeric' },
};

/** The full date and time, for the tooltip and the accessible text. */
export const FULL_FORMAT: Intl.DateTimeFormatOptions = { dateStyle: 'full', timeStyle: 'short' };
