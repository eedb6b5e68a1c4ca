/** Display formatting shared by the panel and the popup. */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * "2025-09-29" -> "Sep 29, 2025": a calendar date, so no time zone can shift it; anything else is
 * shown as given. Formatted by hand, without Intl or a regular expression: in a fresh content-script
 * world, creating an Intl.DateTimeFormat cost tens of milliseconds and compiling this function's
 * former regex ~1.2 ms, on every article page (`npm run bench:profile`, BENCHMARKS.md).
 */
export function formatDate(isoDate: string): string {
  if (isoDate.length !== 10 || isoDate[4] !== '-' || isoDate[7] !== '-') return isoDate;
  for (const i of [0, 1, 2, 3, 5, 6, 8, 9]) {
    const c = isoDate.charCodeAt(i);
    if (c < 48 || c > 57) return isoDate;
  }
  const month = MONTHS[Number(isoDate.slice(5, 7)) - 1];
  const day = Number(isoDate.slice(8, 10));
  return month && day >= 1 ? `${month} ${day}, ${isoDate.slice(0, 4)}` : isoDate;
}

/** "A", "A and B", "A, B and 2 others": a long author list must not crowd out the brief. */
export function formatAuthors(authors: readonly string[], max = 3): string {
  if (authors.length <= 1) return authors[0] ?? '';
  if (authors.length <= max) return `${authors.slice(0, -1).join(', ')} and ${authors.at(-1)}`;
  const rest = authors.length - (max - 1);
  return `${authors.slice(0, max - 1).join(', ')} and ${rest} others`;
}
