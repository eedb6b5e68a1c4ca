import { useEffect, useRef, useState } from 'preact/hooks';
import type { HighlightPlace } from '../utils/messaging/notes-frame';
import {
  type ArticleNotes,
  type BriefProblem,
  briefFromText,
  isBriefProblem,
  NOTE_LIMITS,
  type OwnBrief,
} from '../utils/notes/own-notes';
import { t } from '../utils/text/i18n';
import { TagList } from './TagList';

export interface OwnNotesProps {
  notes: ArticleNotes | null;
  /** Where each highlight was found on the page (absent: not known yet). */
  places: Readonly<Record<string, HighlightPlace>>;
  /** Counted up to open the editor and put the keyboard in it. */
  editRequest: number;
  /** A sync problem, or a refused save, in plain words. */
  notice: string | null;
  onSaveBrief(brief: OwnBrief | null): Promise<boolean>;
  onRemoveHighlight(id: string): void;
  onSaveHighlightNote(id: string, note: string): void;
  onScrollTo(id: string): void;
  now?: () => number;
}

/**
 * The reader's own notes on an article, in the panel (entrypoints/notes-frame): their brief in the
 * shape of a curated one, an editor for it, and their highlights in page order, each one scrolled to
 * on a click and removable. Every text is rendered as text.
 */
export function OwnNotes(props: OwnNotesProps) {
  const { notes, editRequest, notice, onSaveBrief, now = Date.now } = props;
  const [editing, setEditing] = useState(false);
  const brief = notes?.brief ?? null;
  useEffect(() => {
    if (editRequest > 0) setEditing(true);
  }, [editRequest]);

  return (
    <section class="own" aria-labelledby="own-heading">
      <h3 class="bb-heading" id="own-heading">
        {t('ownBriefHeading')}
      </h3>
      {notice && (
        <p class="bb-notice" role="status">
          {notice}
        </p>
      )}
      {editing ? (
        <BriefEditor
          brief={brief}
          focus={editRequest}
          now={now}
          onCancel={() => setEditing(false)}
          onSave={async (next) => {
            if (await onSaveBrief(next)) setEditing(false);
          }}
        />
      ) : brief ? (
        <div class="own-brief">
          {brief.why && <p class="bb-summary">{brief.why}</p>}
          {brief.points.length > 0 && (
            <ul class="bb-bullets">
              {brief.points.map((point, i) => (
                <li key={i}>{point}</li>
              ))}
            </ul>
          )}
          {brief.tags.length > 0 && <TagList tags={brief.tags} />}
          <div class="own-actions">
            <button type="button" class="own-button" onClick={() => setEditing(true)}>
              {t('ownBriefEdit')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" class="own-button primary" onClick={() => setEditing(true)}>
          {t('ownBriefAdd')}
        </button>
      )}
      <Highlights {...props} />
    </section>
  );
}

function BriefEditor({
  brief,
  focus,
  now,
  onCancel,
  onSave,
}: {
  brief: OwnBrief | null;
  focus: number;
  now: () => number;
  onCancel(): void;
  onSave(brief: OwnBrief | null): void;
}) {
  const why = useRef<HTMLTextAreaElement>(null);
  const [problem, setProblem] = useState<BriefProblem | null>(null);
  useEffect(() => why.current?.focus(), [focus]);
  const submit = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '');
    const next = briefFromText({ why: text('why'), points: text('points'), tags: text('tags') }, now());
    if (next && isBriefProblem(next)) {
      setProblem(next);
      return;
    }
    setProblem(null);
    onSave(next);
  };
  return (
    <form
      class="own-editor"
      onSubmit={(event) => {
        event.preventDefault();
        submit(event.currentTarget);
      }}
      onKeyDown={(event) => {
        // Ctrl+Enter (⌘+Enter) saves from anywhere in the form; Escape leaves it unchanged.
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          submit(event.currentTarget);
        } else if (event.key === 'Escape') {
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <label class="own-label">
        {t('ownBriefWhy')}
        <textarea ref={why} name="why" rows={3} defaultValue={brief?.why ?? ''} />
        <span class="own-limit">{t('ownLimitCharacters', NOTE_LIMITS.why)}</span>
      </label>
      <label class="own-label">
        {t('ownBriefPoints')}
        <textarea name="points" rows={4} defaultValue={brief?.points.join('\n') ?? ''} />
        <span class="own-limit">{t('ownLimitPoints', NOTE_LIMITS.points, NOTE_LIMITS.point)}</span>
      </label>
      <label class="own-label">
        {t('ownBriefTags')}
        <input name="tags" type="text" defaultValue={brief?.tags.join(', ') ?? ''} />
      </label>
      {problem && (
        <p class="own-problem" role="alert">
          {problemText(problem)}
        </p>
      )}
      <div class="own-actions">
        <button type="submit" class="own-button primary">
          {t('ownBriefSave')}
        </button>
        <button type="button" class="own-button" onClick={onCancel}>
          {t('ownBriefCancel')}
        </button>
        {brief && (
          <button type="button" class="own-button danger" onClick={() => onSave(null)}>
            {t('ownBriefRemove')}
          </button>
        )}
      </div>
    </form>
  );
}

export function problemText(problem: BriefProblem): string {
  switch (problem.field) {
    case 'why':
      return t('ownProblemWhy', problem.limit);
    case 'point':
      return t('ownProblemPoint', problem.limit);
    case 'points':
      return t('ownProblemPoints', problem.limit);
    case 'tag':
      return t('ownProblemTag', problem.limit);
    case 'tags':
      return t('ownProblemTags', problem.limit);
    case 'empty':
      return '';
  }
}

function Highlights({ notes, places, onRemoveHighlight, onScrollTo, onSaveHighlightNote }: OwnNotesProps) {
  const highlights = notes?.highlights ?? [];
  const [noting, setNoting] = useState<string | null>(null);
  return (
    <>
      <h3 class="bb-heading">{t('ownHighlightsHeading', highlights.length)}</h3>
      {highlights.length === 0 ? (
        <p class="own-hint">{t('ownHighlightsHint')}</p>
      ) : (
        <ol class="own-highlights">
          {highlights.map((highlight) => {
            const place = places[highlight.id];
            return (
              <li key={highlight.id} class={`own-highlight${place === 'missing' ? ' missing' : ''}`}>
                <button
                  type="button"
                  class="own-quote"
                  disabled={place === 'missing'}
                  onClick={() => onScrollTo(highlight.id)}
                  title={place === 'missing' ? undefined : t('ownHighlightGoTo')}
                >
                  <q>{highlight.exact}</q>
                </button>
                {place === 'missing' && <p class="own-missing">{t('ownHighlightMissing')}</p>}
                {place === 'approximate' && <p class="own-missing">{t('ownHighlightChanged')}</p>}
                {noting === highlight.id ? (
                  <form
                    class="own-note-form"
                    onSubmit={(event) => {
                      event.preventDefault();
                      const note = String(new FormData(event.currentTarget).get('note') ?? '').trim();
                      onSaveHighlightNote(highlight.id, note.slice(0, NOTE_LIMITS.note));
                      setNoting(null);
                    }}
                  >
                    <label class="own-label">
                      {t('ownHighlightNote')}
                      <textarea name="note" rows={2} maxLength={NOTE_LIMITS.note} defaultValue={highlight.note} />
                    </label>
                    <div class="own-actions">
                      <button type="submit" class="own-button primary">
                        {t('ownBriefSave')}
                      </button>
                      <button type="button" class="own-button" onClick={() => setNoting(null)}>
                        {t('ownBriefCancel')}
                      </button>
                    </div>
                  </form>
                ) : (
                  highlight.note && <p class="own-note">{highlight.note}</p>
                )}
                <div class="own-actions">
                  {noting !== highlight.id && (
                    <button type="button" class="own-link" onClick={() => setNoting(highlight.id)}>
                      {t(highlight.note ? 'ownHighlightEditNote' : 'ownHighlightAddNote')}
                    </button>
                  )}
                  <button
                    type="button"
                    class="own-link"
                    aria-label={t('ownHighlightRemoveLabel', highlight.exact.slice(0, 40))}
                    onClick={() => onRemoveHighlight(highlight.id)}
                  >
                    {t('ownHighlightRemove')}
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}
