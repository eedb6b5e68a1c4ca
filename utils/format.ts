/** Display formatting shared by the panel and the popup. */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * "2025-09-29" -> "Sep 29, 2025": a calendar date, so no time zone can shift it. Formatted by hand
 * because creating an Intl.DateTimeFormat in a fresh content-script world costs tens of milliseconds
 * on the article page (see BENCHMARKS.md).
 */
export function formatDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  return match && month ? `${month} ${Number(match[3])}, ${match[1]}` : isoDate;
}

/** "A", "A and B", "A, B and 2 others": a long author list must not crowd out the brief. */
export function formatAuthors(authors: readonly string[], max = 3): string {
  if (authors.length <= 1) return authors[0] ?? '';
  if (authors.length <= max) return `${authors.slice(0, -1).join(', ')} and ${authors.at(-1)}`;
  const rest = authors.length - (max - 1);
  return `${authors.slice(0, max - 1).join(', ')} and ${rest} others`;
}
