import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Browse } from '../../../pages/browse/Browse';
import { createBrowseModel } from '../../../pages/browse/browse-model';
import { createFavorites, favoritesViaBackground } from '../../../pages/favorites-signals';
import { FAVORITE_PREFIX as SYNC_PREFIX } from '../../../utils/storage/synced-data';
import { runBackground } from '../../background-harness';
import { testCatalogSource } from '../../popup-source';

async function renderPopup(currentPostId: string | null = null) {
  const { writer } = runBackground().background;
  const favorites = createFavorites(favoritesViaBackground());
  await favorites.ready;
  const model = createBrowseModel(await testCatalogSource(currentPostId), favorites.list);
  render(<Browse model={model} favorites={favorites} />);
  await screen.findByText('All 10 briefs, newest first');
  return { model, favorites, writer };
}

const rowTitles = () =>
  within(screen.getByRole('list', { name: 'Briefs' }))
    .queryAllByRole('link')
    .map((a) => a.textContent);

describe('the popup', () => {
  it('lists every brief newest first, each title a link to the article in a new tab', async () => {
    await renderPopup();
    const links = within(screen.getByRole('list', { name: 'Briefs' })).getAllByRole('link');
    expect(links).toHaveLength(10);
    expect(links[0]!.textContent).toBe("100X Faster: How We Supercharged Netflix Maestro's Workflow Engine");
    expect(links[0]!.getAttribute('href')).toBe(
      'https://netflixtechblog.com/100x-faster-how-we-supercharged-netflix-maestros-workflow-engine-028e9637f041',
    );
    expect(links[0]!.getAttribute('target')).toBe('_blank');
    expect(links.at(-1)!.textContent).toContain('Taming Service-Oriented Architecture');
  });

  it('narrows by tag with counts on the buttons; several tags must all match', async () => {
    await renderPopup();
    const tags = screen.getByRole('group', { name: 'Tags' });
    // The count is shown as a number and named in words for screen readers.
    const serviceMesh = within(tags).getByRole('button', { name: /^service-mesh\s*, 3 posts$/ });
    expect(serviceMesh.querySelector('.toggle-count')?.textContent).toBe('3');
    fireEvent.click(serviceMesh);
    expect(serviceMesh.getAttribute('aria-pressed')).toBe('true');
    await screen.findByText('3 briefs found');
    fireEvent.click(within(tags).getByRole('button', { name: /^graphql/ }));
    await screen.findByText('2 briefs found');
    expect(rowTitles()).toEqual([
      'Viaduct, Five Years On: Modernizing the Data-Oriented Service Mesh',
      'Taming Service-Oriented Architecture Using A Data-Oriented Service Mesh',
    ]);
  });

  it('filters by blog', async () => {
    await renderPopup();
    fireEvent.click(within(screen.getByRole('group', { name: 'Blog' })).getByRole('button', { name: 'Pinterest' }));
    await screen.findByText('1 brief found');
    expect(rowTitles()).toEqual(['Next Gen Data Processing at Massive Scale At Pinterest With Moka (Part 2 of 2)']);
  });

  it('searches as the reader types and marks the matched words as text', async () => {
    await renderPopup();
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'hyperloglog' } });
    await screen.findByText('1 brief found');
    const marks = [...document.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((m) => m!.toLowerCase() === 'hyperloglog')).toBe(true);
  });

  it('says what to do when nothing matches, and clears the filters', async () => {
    await renderPopup();
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'blockchain' } });
    await screen.findByText('No brief matches “blockchain”.');
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await screen.findByText('All 10 briefs, newest first');
  });

  it('expands a row to its key points and tags', async () => {
    await renderPopup();
    const first = screen.getAllByRole('article')[0]!;
    fireEvent.click(within(first).getByRole('button', { name: 'Key points' }));
    expect(within(first).getByRole('list', { name: 'Tags' }).textContent).toContain('workflow');
    expect(first.textContent).toContain('They opted to rewrite Maestro');
  });

  it("puts the current tab's brief first, under On this page", async () => {
    await renderPopup('d0210ded34e0');
    const onPage = await screen.findByRole('region', { name: 'On this page' });
    expect(within(onPage).getByRole('link').textContent).toContain('Pinterest With Moka');
    expect(rowTitles()).not.toContain('Next Gen Data Processing at Massive Scale At Pinterest With Moka (Part 2 of 2)');
  });

  it('focuses search on "/" and moves through results with the arrow keys', async () => {
    await renderPopup();
    fireEvent.keyDown(document.body, { key: '/' });
    const search = screen.getByRole('searchbox', { name: 'Search' });
    expect(document.activeElement).toBe(search);
    fireEvent.keyDown(search, { key: 'ArrowDown' });
    const links = within(screen.getByRole('list', { name: 'Briefs' })).getAllByRole('link');
    expect(document.activeElement).toBe(links[0]);
    fireEvent.keyDown(links[0]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(links[1]);
    fireEvent.keyDown(links[1]!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(links[0]);
  });
});

describe('favorites in the popup', () => {
  const saveButtonOf = (title: RegExp) =>
    within(screen.getAllByRole('article').find((a) => title.test(a.textContent ?? ''))!).getByRole('button', {
      name: 'Save to favorites',
    });

  it('saves from a row and lists favorites newest saved first', async () => {
    const { writer } = await renderPopup();
    fireEvent.click(saveButtonOf(/Seamless Istio/));
    await new Promise((r) => setTimeout(r, 5));
    fireEvent.click(saveButtonOf(/Write-Ahead Log/));
    expect(saveButtonOf(/Seamless Istio/).getAttribute('aria-pressed')).toBe('true');
    // The count beside "Favorites" follows at once.
    await waitFor(() => expect(screen.getByRole('button', { name: /^Favorites/ }).textContent).toBe('Favorites 2'));
    fireEvent.click(screen.getByRole('button', { name: /^Favorites/ }));
    await screen.findByText('2 favorites, newest saved first');
    expect(rowTitles()).toEqual([
      'Building a Resilient Data Platform with Write-Ahead Log at Netflix',
      'Seamless Istio Upgrades at Scale',
    ]);
    await writer.settled();
    expect(Object.keys(await fakeBrowser.storage.sync.get(null)).sort()).toEqual([
      `${SYNC_PREFIX}127b6712359a`,
      `${SYNC_PREFIX}bcb0e49c5cf8`,
    ]);
  });

  it('searches within favorites', async () => {
    const { favorites } = await renderPopup();
    favorites.save({ id: '33f90eda51ec', title: "Migrating Airbnb's JVM Monorepo to Bazel" });
    favorites.save({ id: '028e9637f041', title: 'Maestro' });
    fireEvent.click(screen.getByRole('button', { name: /^Favorites/ }));
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'bazel' } });
    await screen.findByText('1 favorite found');
    expect(rowTitles()).toEqual(["Migrating Airbnb's JVM Monorepo to Bazel"]);
  });

  it('still shows a favorite whose post left the catalog, marked as such', async () => {
    await fakeBrowser.storage.sync.set({ [`${SYNC_PREFIX}abcdefabcdef`]: { t: 'A retired article', s: 1 } });
    await renderPopup();
    fireEvent.click(screen.getByRole('button', { name: /^Favorites/ }));
    const retired = await screen.findByRole('article', { name: 'A retired article' });
    expect(retired.textContent).toContain('No longer in the Blog Brief catalog');
    fireEvent.click(within(retired).getByRole('button', { name: 'Save to favorites' }));
    await screen.findByText('No favorites yet.');
  });

  it('tells the reader, in plain words, when a favorite is kept on this device only', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('MAX_WRITE_OPERATIONS_PER_MINUTE'));
    await renderPopup();
    fireEvent.click(saveButtonOf(/Seamless Istio/));
    const notice = await screen.findByRole('status');
    expect(notice.textContent).toBe(
      'Browser sync refused the change: 1 favorite is saved on this device only for now.',
    );
    expect(saveButtonOf(/Seamless Istio/).getAttribute('aria-pressed')).toBe('true');
  });
});

describe('the popup when something breaks', () => {
  it('says so in words instead of going blank', async () => {
    const { ErrorBoundary } = await import('../../../components/ErrorBoundary');
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const Broken = (): null => {
      throw new TypeError("Cannot read properties of undefined (reading 'map')");
    };
    render(
      <ErrorBoundary>
        <Broken />
      </ErrorBoundary>,
    );
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Something went wrong showing the briefs/);
  });
});
