import type { Ref } from 'preact';
import { t } from '../utils/text/i18n';

interface SearchBoxProps {
  value: string;
  onInput: (value: string) => void;
  inputRef?: Ref<HTMLInputElement>;
  /** Arrow down from the box moves into the results. */
  onArrowDown?: () => void;
}

export function SearchBox({ value, onInput, inputRef, onArrowDown }: SearchBoxProps) {
  return (
    <div class="search">
      <label for="search" class="visually-hidden">
        {t('search')}
      </label>
      <input
        id="search"
        ref={inputRef}
        type="search"
        value={value}
        placeholder={t('searchPlaceholder')}
        autocomplete="off"
        spellcheck={false}
        onInput={(event) => onInput(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && onArrowDown) {
            event.preventDefault();
            onArrowDown();
          }
        }}
      />
      {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: a <kbd> is not focusable; the hint is for sighted readers, the input's label says it */}
      <kbd class="search-hint" aria-hidden="true">
        /
      </kbd>
    </div>
  );
}
