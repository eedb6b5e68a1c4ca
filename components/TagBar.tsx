import { useState } from 'preact/hooks';
import type { TagCount } from '../utils/catalog/catalog-query';
import { plural, t } from '../utils/text/i18n';
import { ToggleGroup } from './ToggleGroup';

interface TagBarProps {
  counts: readonly TagCount[];
  selected: readonly string[];
  onToggle: (tag: string) => void;
  /** Tags shown before "More tags"; selected tags always show. */
  visible?: number;
}

/** Every tag with its post count, as toggle buttons; the most used show first, the rest behind "More tags". */
export function TagBar({ counts, selected, onToggle, visible = 7 }: TagBarProps) {
  const [showAll, setShowAll] = useState(false);
  const hidden = counts.length - visible;
  const shown = showAll || hidden <= 1 ? counts : counts.filter((c, i) => i < visible || selected.includes(c.tag));
  return (
    <ToggleGroup
      label={t('tags')}
      options={shown.map(({ tag, count }) => ({ value: tag, label: tag, count }))}
      isPressed={(tag) => selected.includes(tag)}
      onToggle={onToggle}
    >
      {hidden > 1 && (
        <button type="button" class="more-tags" aria-expanded={showAll} onClick={() => setShowAll(!showAll)}>
          {showAll ? t('fewerTags') : plural('moreTags', hidden)}
        </button>
      )}
    </ToggleGroup>
  );
}
