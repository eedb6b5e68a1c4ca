// @vitest-environment node
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createFeedService } from '../../../background/feeds/feed-schedule';
import { FeedHost } from '../../../tools/feed-host';
import { syntheticCatalog } from '../../../tools/synthetic-catalog';
import { parseCatalog } from '../../../utils/catalog/catalog-schema';
import { type BlogBriefDb, openBlogBriefDb, putFeedStatus } from '../../../utils/storage/catalog-db';
import catalogJson from '../../test-catalog.json';

/** A feed service over `db` that records the alarms it asks for. */
function serviceOver(db: BlogBriefDb, fetchFn?: typeof fetch, timeoutMs?: number) {
  const wakes: (number | null)[] = [];
  const service = createFeedService({
    connection: async () => db,
    bundled: () => parseCatalog(catalogJson),
    wakeAt: (when) => wakes.push(when),
    onCatalogChanged: async () => {},
    fetchFn,
    timeoutMs,
  });
  return { service, wakes };
}

describe('the feed service’s schedule', () => {
  it('makes no request and sets no alarm without feeds', async () => {
    const db = await openBlogBriefDb(`service-${Math.random()}`);
    const { service, wakes } = serviceOver(db, () => Promise.reject(new Error('no request expected')));
    await service.scheduleAfterStart();
    await service.checkDue();
    expect(wakes).toEqual([null]);
    db.close();
  });

  it('at browser start, checks an overdue feed at a random moment of the first minute, not at once', async () => {
    const db = await openBlogBriefDb(`service-${Math.random()}`);
    await putFeedStatus(db, {
      url: 'https://feeds.example.org/index.json',
      addedAt: 1,
      shards: {},
      status: { failures: 0, nextCheckAt: 0 },
    });
    const { service, wakes } = serviceOver(db);
    const before = Date.now();
    await service.scheduleAfterStart(0.5);
    expect(wakes[0]).toBeGreaterThanOrEqual(before + 5_000 + 27_500);
    expect(wakes[0]).toBeLessThanOrEqual(Date.now() + 60_000);
    db.close();
  });

  it('lets other feeds be added, checked and removed while one host drips its index, cut off at the deadline', async () => {
    const slow = new FeedHost();
    const good = new FeedHost();
    await slow.start();
    await good.start();
    slow.hostile = (path, _req, res) => {
      if (path !== 'index.json') return false;
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const drip = setInterval(() => res.write(' '), 200);
      res.on('close', () => clearInterval(drip));
      return true;
    };
    await good.publish(syntheticCatalog(50));
    const db = await openBlogBriefDb(`service-${Math.random()}`);
    const { service } = serviceOver(db, undefined, 2_000);
    const started = Date.now();
    const slowAdded = service.add(slow.url).then(() => Date.now() - started);
    await service.add(good.url);
    await service.check(good.url);
    const goodDone = Date.now() - started;
    await service.remove(good.url);
    expect(goodDone).toBeLessThan(1_500);
    expect(await slowAdded).toBeGreaterThanOrEqual(1_900);
    expect((await service.list()).map((f) => [f.url, f.problem])).toEqual([
      [slow.url, 'The feed took longer than 2 s: cut off'],
    ]);
    db.close();
    await slow.stop();
    await good.stop();
  });
});
