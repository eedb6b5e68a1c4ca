/** Display formatting shared by the panel and the popup: one date style everywhere. */
import { type MessageKey, plural, t } from './i18n';

/**
 * "2025-09-29" -> "Sep 29, 2025" (in English; the messages file has the month names and the order):
 * a calendar date, so no time zone can shift it; anything else is shown as given. By hand, without
 * Intl or a regular expression: in a fresh content-script world both cost measurable time on every
 * article page (docs/decisions.md).
 */
export function formatDate(isoDate: string): string {
  if (isoDate.length !== 10 || isoDate[4] !== '-' || isoDate[7] !== '-') return isoDate;
  for (const i of [0, 1, 2, 3, 5, 6, 8, 9]) {
    const c = isoDate.charCodeAt(i);
    if (c < 48 || c > 57) return isoDate;
  }
  const month = Number(isoDate.slice(5, 7));
  const day = Number(isoDate.slice(8, 10));
  // The month's name is the message month1 … month12.
  return month >= 1 && month <= 12 && day >= 1 && day <= 31
    ? t('dateFormat', t(`month${month}` as MessageKey), day, isoDate.slice(0, 4))
    : isoDate;
}

/** The reader's local calendar date of a moment (ms since the epoch), in formatDate's style. */
export function formatDay(time: number): string {
  const date = new Date(time);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return formatDate(`${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`);
}

/** "A", "A and B", "A, B and 2 others": a long author list must not crowd out the brief. */
export function formatAuthors(authors: readonly string[], max = 3): string {
  if (authors.length <= 1) return authors[0] ?? '';
  if (authors.length <= max) return t('authorsTwoOrThree', authors.slice(0, -1).join(', '), authors.at(-1)!);
  const rest = authors.length - (max - 1);
  return plural('authorsMore', rest, authors.slice(0, max - 1).join(', '));
}

/** "3 hours ago", "yesterday": when a feed was last checked or updated. */
export function timeAgo(time: number | undefined, now: number): string {
  if (time === undefined) return '';
  const seconds = Math.round((time - now) / 1_000);
  const format = new Intl.RelativeTimeFormat(t('languageTag'), { numeric: 'auto' });
  for (const [unit, size] of [
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ] as const) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  // Not "now": "keeping the briefs from now" would read as the future.
  return new Intl.RelativeTimeFormat(t('languageTag'), { numeric: 'always' }).format(Math.min(seconds, -1), 'second');
}
