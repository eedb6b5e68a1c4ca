import { describe, expect, it } from 'vitest';
import { createStar } from '../../../content/panel/star';
import type { FavoritesReceipt, StarState } from '../../../utils/messaging/protocol';

const DISCONNECTED = 'Blog Brief was updated or restarted. Reload this page to save favorites here.';

/**
 * A background whose answers the test releases one by one, in order. `answer` gives the state the
 * writer reached: the receipt says stored when it is what the click asked for, refused otherwise.
 */
function background() {
  const calls: { saved: boolean; answer(a: StarState): void; fail(): void }[] = [];
  const ask = (_postId: string, saved: boolean) =>
    new Promise<FavoritesReceipt>((resolve, reject) =>
      calls.push({
        saved,
        answer: ({ saved: reached, notice }) =>
          resolve(
            reached === saved
              ? { ok: true, synced: 1, kept: 0, notice }
              : { ok: false, error: 'local-full', detail: 'QUOTA_BYTES', synced: 0, notice },
          ),
        fail: () => reject(new Error('Extension context invalidated.')),
      }),
    );
  return { ask, calls };
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("the panel's star", () => {
  it('shows a click at once, and the stored answer after', async () => {
    const { ask, calls } = background();
    let changes = 0;
    const star = createStar(ask, () => changes++);
    star.heard('a', { saved: false, notice: null });
    const click = star.toggle();
    expect(star.shown().saved).toBe(true);
    calls[0]!.answer({ saved: true, notice: 'Saved on this device only.' });
    await click;
    expect(star.shown()).toEqual({ saved: true, notice: 'Saved on this device only.' });
    expect(changes).toBe(2);
  });

  it('keeps the last click shown while an earlier answer or a change from elsewhere arrives', async () => {
    const { ask, calls } = background();
    const star = createStar(ask, () => {});
    star.heard('a', { saved: false, notice: null });
    const first = star.toggle();
    const second = star.toggle();
    expect(star.shown().saved).toBe(false);
    calls[0]!.answer({ saved: true, notice: null });
    star.heard('a', { saved: true, notice: null });
    await settle();
    expect(star.shown().saved).toBe(false);
    calls[1]!.answer({ saved: false, notice: null });
    await Promise.all([first, second]);
    expect(star.shown().saved).toBe(false);
  });

  it('never shows a save that no one made when its clicks get no answer', async () => {
    const { ask, calls } = background();
    const star = createStar(ask, () => {});
    star.heard('a', { saved: false, notice: null });
    const clicks = [star.toggle(), star.toggle()];
    for (const call of calls) call.fail();
    await Promise.all(clicks);
    expect(star.shown()).toEqual({ saved: false, notice: DISCONNECTED });
  });

  it('falls back to the last answer it had when a later click gets none', async () => {
    const { ask, calls } = background();
    const star = createStar(ask, () => {});
    star.heard('a', { saved: false, notice: null });
    const first = star.toggle();
    const second = star.toggle();
    calls[0]!.answer({ saved: true, notice: null });
    calls[1]!.fail();
    await Promise.all([first, second]);
    expect(star.shown()).toEqual({ saved: true, notice: DISCONNECTED });
  });

  it("starts from the new post's own state when the reader moves on, whatever was on its way", async () => {
    const { ask, calls } = background();
    const star = createStar(ask, () => {});
    star.heard('a', { saved: false, notice: null });
    const click = star.toggle();
    star.heard('b', { saved: true, notice: null });
    calls[0]!.answer({ saved: true, notice: null });
    await click;
    expect(star.shown()).toEqual({ saved: true, notice: null });
    star.heard('b', { saved: false, notice: null });
    expect(star.shown().saved).toBe(false);
  });
});
