import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { App } from '../../entrypoints/popup/App';
import { createBrowseModel } from '../../utils/browse-model';
import { testCatalogSource } from '../popup-source';

async function renderPopup(currentPostId: string | null = null) {
  const model = createBrowseModel(await testCatalogSource(currentPostId));
  render(<App model={model} />);
  await screen.findByText('All 10 briefs, newest first');
  return model;
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
    expect(links[0]!.getAttribute('href')).toBe('https://netflixtechblog.com/100x-faster-how-we-supercharged-netflix-maestros-workflow-engine-028e9637f041');
    expect(links[0]!.getAttribute('target')).toBe('_blank');
    expect(links.at(-1)!.textContent).toContain('Taming Service-Oriented Architecture');
  });

  it('narrows by tag with counts on the buttons; several tags must all match', async () => {
    await renderPopup();
    const tags = screen.getByRole('group', { name: 'Tags' });
    const serviceMesh = within(tags).getByRole('button', { name: /^service-mesh/ });
    expect(serviceMesh.textContent).toBe('service-mesh3');
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
