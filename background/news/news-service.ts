/**
 * What's new on the three blogs (issue 22): their own RSS feeds (BLOG_FEEDS), checked only while the
 * reader has the `whatsNew` setting on, about every 3 hours with jitter, as conditional requests
 * without cookies, backing off after failures as briefs feeds do (feed-check.ts `nextCheck`), each
 * through the one hardened fetch (background/net/remote-file.ts). A failure keeps the last good
 * articles and says why in the blog's status; the popup is never blank because a feed failed.
 */
import { BLOG_FEEDS, type BlogId } from '../../utils/catalog/blogs';
import type { Post } from '../../utils/catalog/catalog-schema';
import { feedUrlProblem } from '../../utils/feeds/feed-format';
import type { NewsFeedSummary, NewsList } from '../../utils/messaging/protocol';
import { NewsFeedError, parseRss } from '../../utils/news/rss';
import type { BlogBriefDb } from '../../utils/storage/catalog-db';
import {
  getNewsStatus,
  listNewArticles,
  markAllSeen,
  type NewsFeedStatus,
  putNewsStatus,
  storeNewArticles,
} from '../../utils/storage/news-db';
import { nextCheck } from '../feeds/feed-check';
import { fetchRemoteFile, REMOTE_TIMEOUT_MS, RemoteFileError } from '../net/remote-file';

/** About every 3 hours: ± 25 %, so readers' browsers do not ask in step. */
export const NEWS_EVERY_MS = 3 * 3_600_000;
/** A feed is 100–200 KB; Medium's largest are under 1 MB. */
export const MAX_NEWS_BYTES = 5_000_000;

export interface NewsServiceDeps {
  connection: () => Promise<BlogBriefDb>;
  /** Whether the reader has it on, read at every check. */
  enabled: () => Promise<boolean>;
  /** The catalog's brief of an article, if there is one. */
  briefOf: (article: { id: string; url: string }) => Promise<Post | undefined>;
  /** Asks to be woken at this time (an alarm), or never (null). */
  wakeAt: (when: number | null) => void;
  /** After a check or "mark all as seen": how many are unseen now (the toolbar's count). */
  onUnseenChanged: (unseen: number) => void;
  /** The feeds to check (tests: feeds on 127.0.0.1). */
  feeds?: Readonly<Partial<Record<BlogId, string>>>;
  fetchFn?: typeof fetch;
  timeoutMs?: number;
  now?: () => number;
  random?: () => number;
}

export function createNewsService(deps: NewsServiceDeps) {
  const { connection, enabled, briefOf, wakeAt, onUnseenChanged } = deps;
  const feeds = Object.entries(deps.feeds ?? BLOG_FEEDS) as [BlogId, string][];
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  /** One round of checks at a time: "Check now" during an alarm's round waits for it. */
  let running: Promise<void> | null = null;
  /** The setting being read after a change (the round it starts follows). */
  let turning: Promise<void> | null = null;

  async function statusOf(db: BlogBriefDb, blog: BlogId): Promise<NewsFeedStatus> {
    return (await getNewsStatus(db)).find((s) => s.blog === blog) ?? { blog, failures: 0, nextCheckAt: 0 };
  }

  async function checkOne(db: BlogBriefDb, blog: BlogId, url: string): Promise<void> {
    const held = await statusOf(db, blog);
    const headers: Record<string, string> = {};
    if (held.etag) headers['If-None-Match'] = held.etag;
    if (held.lastModified) headers['If-Modified-Since'] = held.lastModified;
    try {
      const file = await fetchRemoteFile(url, {
        what: 'the feed',
        urlProblem: feedUrlProblem,
        maxBytes: MAX_NEWS_BYTES,
        timeoutMs: deps.timeoutMs ?? REMOTE_TIMEOUT_MS,
        headers,
        fetchFn: deps.fetchFn,
      });
      const at = now();
      const next = at + NEWS_EVERY_MS * (0.75 + random() / 2);
      if (file.status === 304) {
        await putNewsStatus(db, { ...held, checkedAt: at, failures: 0, nextCheckAt: next, problem: undefined });
        return;
      }
      const parsed = parseRss(file.text, blog);
      const status: NewsFeedStatus = {
        blog,
        etag: file.headers.get('ETag') ?? undefined,
        lastModified: file.headers.get('Last-Modified') ?? undefined,
        checkedAt: at,
        updatedAt: at,
        refused: parsed.refused,
        failures: 0,
        nextCheckAt: next,
      };
      await storeNewArticles(db, blog, parsed.articles, status, at);
    } catch (error) {
      // A fetch or a feed refused says why in its own words; anything else (storage refusing the
      // articles) is said too: the status is where the reader learns why nothing new came.
      const message = error instanceof Error ? error.message : String(error);
      const said = error instanceof NewsFeedError || error instanceof RemoteFileError;
      const at = now();
      const failures = held.failures + 1;
      const reason = said
        ? message.charAt(0).toUpperCase() + message.slice(1)
        : `Could not keep the articles (${message})`;
      await putNewsStatus(db, {
        ...held,
        checkedAt: at,
        failures,
        problem: reason,
        nextCheckAt: nextCheck(at, failures, random()),
      });
    }
  }

  async function schedule(db: BlogBriefDb) {
    if (!(await enabled())) return wakeAt(null);
    const statuses = await getNewsStatus(db);
    const due = feeds.map(([blog]) => statuses.find((s) => s.blog === blog)?.nextCheckAt ?? 0);
    wakeAt(due.length ? Math.min(...due) : null);
  }

  async function round(force: boolean) {
    const db = await connection();
    if (!(await enabled())) return wakeAt(null);
    const statuses = await getNewsStatus(db);
    const at = now();
    await Promise.all(
      feeds
        .filter(([blog]) => force || (statuses.find((s) => s.blog === blog)?.nextCheckAt ?? 0) <= at)
        // A feed whose status could not even be stored is tried again at the next round.
        .map(([blog, url]) => checkOne(db, blog, url).catch(() => undefined)),
    );
    await schedule(db);
    onUnseenChanged(await unseen(db));
  }

  const unseen = async (db: BlogBriefDb) => (await listNewArticles(db)).filter((a) => !a.seen).length;
  /** One round at a time, shared by whoever asks while it runs. */
  const once = (force: boolean): Promise<void> => {
    if (!running) {
      running = round(force).finally(() => {
        running = null;
      });
    }
    return running;
  };
  const checkDue = () => once(false);

  return {
    /** The alarm: every feed that is due. */
    checkDue,
    /**
     * "Check now": every feed, due or not; or, while a round runs (the one turning the feature on
     * started), that round: asking each blog twice in a second tells nobody anything new.
     */
    async checkNow() {
      if (!running && !turning) return once(true);
      await turning;
      await running?.catch(() => undefined);
    },
    /** The setting changed (here or through sync): check at once when turned on, stop when off. */
    enabledChanged() {
      turning ??= (async () => {
        if (await enabled()) await checkDue();
        else wakeAt(null);
        onUnseenChanged((await enabled()) ? await unseen(await connection()) : 0);
      })().finally(() => {
        turning = null;
      });
      return turning;
    },
    async list(): Promise<NewsList> {
      const articles = await listNewArticles(await connection());
      const rows = await Promise.all(
        articles.map(async (article) => ({ article, post: (await briefOf(article).catch(() => undefined)) ?? null })),
      );
      return { rows, unseen: articles.filter((a) => !a.seen).length };
    },
    async markAllSeen() {
      const db = await connection();
      await markAllSeen(db);
      onUnseenChanged(0);
    },
    async status(): Promise<NewsFeedSummary[]> {
      const db = await connection();
      const [statuses, articles] = await Promise.all([getNewsStatus(db), listNewArticles(db)]);
      return feeds.map(([blog, url]) => {
        const status = statuses.find((s) => s.blog === blog);
        return {
          blog,
          url,
          articles: articles.filter((a) => a.blog === blog).length,
          checkedAt: status?.checkedAt,
          updatedAt: status?.updatedAt,
          problem: status?.problem,
          refused: status?.refused ?? {},
        };
      });
    },
    /** At a worker's start: the alarm again (alarms survive, but a cleared one is set anew). */
    async resume() {
      // Off (as for most readers): no database read at each worker start, only the alarm cleared.
      if (!(await enabled())) return wakeAt(null);
      await schedule(await connection());
    },
  };
}

export type NewsService = ReturnType<typeof createNewsService>;
