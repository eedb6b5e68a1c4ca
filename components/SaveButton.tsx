import { t } from '../utils/text/i18n';

interface SaveButtonProps {
  saved: boolean;
  onToggle: () => void;
  /** Extra class for placement (the panel's header, a popup row). */
  class?: string;
}

/** A star toggle. Its name stays "Save to favorites"; aria-pressed says whether it is saved. */
export function SaveButton({ saved, onToggle, class: className = '' }: SaveButtonProps) {
  return (
    <button
      type="button"
      class={`save ${className}`.trim()}
      aria-pressed={saved}
      aria-label={t('saveToFavorites')}
      title={t(saved ? 'savedToFavoritesHint' : 'saveToFavorites')}
      onClick={onToggle}
    >
      <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
        <path
          d="M12 3.6l2.6 5.3 5.8.8-4.2 4.1 1 5.8-5.2-2.7-5.2 2.7 1-5.8-4.2-4.1 5.8-.8z"
          fill={saved ? 'currentColor' : 'none'}
          stroke="currentColor"
          stroke-width="1.8"
          stroke-linejoin="round"
        />
      </svg>
    </button>
  );
}
