import type { ComponentChildren } from 'preact';
import { t } from '../utils/text/i18n';

interface TagListProps {
  tags: readonly string[];
  /** Renders each tag's text (the popup highlights search matches); plain text by default. */
  renderTag?: (tag: string) => ComponentChildren;
}

export function TagList({ tags, renderTag = (tag) => tag }: TagListProps) {
  return (
    <ul class="bb-tags" aria-label={t('tags')}>
      {tags.map((tag) => (
        <li key={tag} class="bb-tag">
          {renderTag(tag)}
        </li>
      ))}
    </ul>
  );
}
