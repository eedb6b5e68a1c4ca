/**
 * storage.sync's limits, enforced by us: the browsers enforce them by refusing writes, and WXT's fake
 * browser does not enforce them at all. Pure, so the rules are tested directly.
 */
export const SYNC_LIMITS = {
  /** Chrome and Firefox: storage.sync.QUOTA_BYTES. */
  totalBytes: 102_400,
  /** QUOTA_BYTES_PER_ITEM: key plus JSON value. */
  itemBytes: 8_192,
  maxItems: 512,
  /** Chrome's MAX_WRITE_OPERATIONS_PER_MINUTE and _PER_HOUR; one set() or remove() call is one operation. */
  writesPerMinute: 120,
  writesPerHour: 1_800,
} as const;

/**
 * What the guard adds to every item's documented size (key + JSON of the value): Chrome counts a few
 * bytes more per item than that, and a batch the guard thinks fits is then refused whole.
 */
export const ITEM_HEADROOM_BYTES = 8;

/**
 * Room kept free for settings: favorites stop this far short of the item and byte quotas, so a
 * reader with a full sync can still turn a blog off or have the panel remember its state.
 */
export const SETTINGS_RESERVE = { items: 16, bytes: 1_024 } as const;

/**
 * The most of sync the reader's notes (briefs and highlights, utils/notes/own-notes.ts) may take, so
 * that favorites keep at least ~40 KB (about 400 of them) whatever the notes hold: a brief is a few
 * hundred bytes, a highlight ~150, so this is a few dozen annotated articles in sync. Past it, notes
 * wait on this device in the outbox with the notice readers know, like favorites past the quota.
 */
export const NOTES_BUDGET = { items: 300, bytes: 60_000 } as const;

const encoder = new TextEncoder();

/** Bytes an item counts against the quota by the guard's model: key + JSON of the value + headroom. */
export function itemBytes(key: string, value: unknown): number {
  return encoder.encode(key).length + encoder.encode(JSON.stringify(value)).length + ITEM_HEADROOM_BYTES;
}

export interface SyncUsage {
  /** Bytes of every item now in storage.sync, by key (settings included: they share the quota). */
  items: ReadonlyMap<string, number>;
}

export interface FitResult {
  accepted: Record<string, unknown>;
  /** Keys that would break a quota, with the reason. */
  refused: Map<string, 'item-too-large' | 'sync-full'>;
}

/**
 * Splits a batch of writes into what fits the quota (in order) and what does not. Keys for which
 * `usesReserve` is false (favorites, notes) must also leave SETTINGS_RESERVE free; keys for which
 * `isNotes` is true must also stay within NOTES_BUDGET.
 */
export function fitWrites(
  usage: SyncUsage,
  writes: Record<string, unknown>,
  usesReserve: (key: string) => boolean = () => true,
  isNotes: (key: string) => boolean = () => false,
): FitResult {
  const sizes = new Map(usage.items);
  let total = [...sizes.values()].reduce((sum, n) => sum + n, 0);
  let notesBytes = 0;
  let notesItems = 0;
  for (const [key, size] of sizes) {
    if (!isNotes(key)) continue;
    notesBytes += size;
    notesItems++;
  }
  const accepted: Record<string, unknown> = {};
  const refused: FitResult['refused'] = new Map();
  for (const [key, value] of Object.entries(writes)) {
    const size = itemBytes(key, value);
    if (size > SYNC_LIMITS.itemBytes) {
      refused.set(key, 'item-too-large');
      continue;
    }
    const previous = sizes.get(key);
    const nextTotal = total - (previous ?? 0) + size;
    const nextCount = sizes.size + (previous === undefined ? 1 : 0);
    const reserve = usesReserve(key) ? { items: 0, bytes: 0 } : SETTINGS_RESERVE;
    const notes = isNotes(key);
    const nextNotesBytes = notesBytes - (notes ? (previous ?? 0) : 0) + (notes ? size : 0);
    const nextNotesItems = notesItems + (notes && previous === undefined ? 1 : 0);
    if (
      nextTotal > SYNC_LIMITS.totalBytes - reserve.bytes ||
      nextCount > SYNC_LIMITS.maxItems - reserve.items ||
      (notes && (nextNotesBytes > NOTES_BUDGET.bytes || nextNotesItems > NOTES_BUDGET.items))
    ) {
      refused.set(key, 'sync-full');
      continue;
    }
    if (notes) {
      notesBytes = nextNotesBytes;
      notesItems = nextNotesItems;
    }
    sizes.set(key, size);
    total = nextTotal;
    accepted[key] = value;
  }
  return { accepted, refused };
}

/** Remembers recent write operations and says how long to wait before the next one is allowed. */
export class WriteRateLimiter {
  private times: number[] = [];
  constructor(
    private readonly limits: { perMinute: number; perHour: number } = {
      perMinute: SYNC_LIMITS.writesPerMinute,
      perHour: SYNC_LIMITS.writesPerHour,
    },
  ) {}

  /** Milliseconds until a write may be made at `now`; 0 means now. */
  delayAt(now: number): number {
    this.times = this.times.filter((t) => now - t < 3_600_000);
    const lastMinute = this.times.filter((t) => now - t < 60_000);
    if (lastMinute.length >= this.limits.perMinute) return 60_000 - (now - lastMinute[0]!);
    if (this.times.length >= this.limits.perHour) return 3_600_000 - (now - this.times[0]!);
    return 0;
  }

  record(now: number): void {
    this.times.push(now);
  }
}
