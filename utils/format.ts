/** Display formatting shared by the panel and the popup. */

const dateFormat = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });

/** "2025-09-29" -> "Sep 29, 2025". Catalog dates are calendar dates, so they are read as UTC. */
export function formatDate(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : dateFormat.format(date);
}

/** "A", "A and B", "A, B and 2 others": a long author list must not crowd out the brief. */
export function formatAuthors(authors: readonly string[], max = 3): string {
  if (authors.length <= 1) return authors[0] ?? '';
  if (authors.length <= max) return `${authors.slice(0, -1).join(', ')} and ${authors.at(-1)}`;
  const rest = authors.length - (max - 1);
  return `${authors.slice(0, max - 1).join(', ')} and ${rest} others`;
}
