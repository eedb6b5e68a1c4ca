import { useEffect, useState } from 'preact/hooks';
import type { FavoritesStore } from '../../pages/favorites-signals';
import { BLOG_IDS, BLOGS, type BlogId } from '../../utils/catalog/blogs';
import { changeSettings } from '../../utils/messaging/protocol';
import { readSettings } from '../../utils/storage/settings';
import { t } from '../../utils/text/i18n';
import { ExportSection } from './ExportSection';
import { FavoritesSection } from './FavoritesSection';
import { FeedsSection } from './FeedsSection';
import { NewsSection } from './NewsSection';
import type { Outcome } from './outcome';

export function App({ favorites }: { favorites: FavoritesStore }) {
  const [outcome, setOutcome] = useState<Outcome>(null);
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <PlacementSection setOutcome={setOutcome} />
      <BlogsSection setOutcome={setOutcome} />
      <NewsSection setOutcome={setOutcome} />
      <FeedsSection />
      <FavoritesSection favorites={favorites} outcome={outcome} setOutcome={setOutcome} />
      <ExportSection favorites={favorites} />
      <p class="privacy">
        {/* PRIVACY.md, shipped as public/privacy.txt (a test keeps the two the same). */}
        <a href="/privacy.txt" target="_blank" rel="noopener">
          {t('privacyLink')}
        </a>
      </p>
    </main>
  );
}

type SetOutcome = (outcome: Outcome) => void;

/** Why a setting went back: this device refused it, or the extension is gone from under the page. */
const refused = (receipt: unknown) => t(receipt ? 'reasonDeviceRefused' : 'reasonDisconnected');

/** Where briefs show. The choice shows at once, and goes back with a reason if the writer could not store it. */
function PlacementSection({ setOutcome }: { setOutcome: SetOutcome }) {
  const [inSidePanel, setInSidePanel] = useState<boolean | null>(null);
  useEffect(() => void readSettings().then((settings) => setInSidePanel(settings.briefInSidePanel)), []);
  const onChange = async (sidePanel: boolean) => {
    setInSidePanel(sidePanel);
    const receipt = await changeSettings({ briefInSidePanel: sidePanel }).catch(() => null);
    if (receipt?.ok) return;
    setInSidePanel(!sidePanel);
    setOutcome({ kind: 'error', text: t('settingPlacementNotSaved', refused(receipt)) });
  };
  return (
    <section aria-labelledby="placement-heading">
      <h2 id="placement-heading">{t('optionsPlacementHeading')}</h2>
      {inSidePanel !== null && (
        <div role="radiogroup" aria-labelledby="placement-heading">
          <label class="check">
            <input type="radio" name="placement" checked={!inSidePanel} onChange={() => void onChange(false)} />
            {t('optionsPlacementPage')}
          </label>
          <label class="check">
            <input type="radio" name="placement" checked={inSidePanel} onChange={() => void onChange(true)} />
            {t('optionsPlacementSidePanel')}
          </label>
        </div>
      )}
      <p class="hint">{t('optionsPlacementHint')}</p>
    </section>
  );
}

/** Which blogs get briefs. A change shows at once, and goes back with a reason if the writer could not store it. */
function BlogsSection({ setOutcome }: { setOutcome: SetOutcome }) {
  const [enabled, setEnabled] = useState<Record<BlogId, boolean> | null>(null);
  useEffect(() => void readSettings().then((settings) => setEnabled(settings.blogEnabled)), []);
  const onChange = async (blog: BlogId, on: boolean) => {
    setEnabled((current) => current && { ...current, [blog]: on });
    const receipt = await changeSettings({ [`blogEnabled:${blog}` as const]: on }).catch(() => null);
    if (receipt?.ok) return;
    setEnabled((current) => current && { ...current, [blog]: !on });
    setOutcome({ kind: 'error', text: t('settingNotSaved', BLOGS[blog].name, refused(receipt)) });
  };
  return (
    <section aria-labelledby="blogs-heading">
      <h2 id="blogs-heading">{t('optionsBlogsHeading')}</h2>
      {enabled &&
        BLOG_IDS.map((blog) => (
          <label key={blog} class="check">
            <input
              type="checkbox"
              checked={enabled[blog]}
              onChange={(e) => void onChange(blog, e.currentTarget.checked)}
            />
            {BLOGS[blog].name}
          </label>
        ))}
      <p class="hint">{t('optionsBlogsHint')}</p>
    </section>
  );
}
