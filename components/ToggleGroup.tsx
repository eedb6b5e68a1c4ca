import type { ComponentChildren } from 'preact';
import { plural } from '../utils/text/i18n';

export interface ToggleOption {
  value: string;
  label: string;
  /** Shown after the label, e.g. a post count. */
  count?: number;
}

interface ToggleGroupProps {
  /** Accessible name of the group ("Tags", "Blog"). */
  label: string;
  options: readonly ToggleOption[];
  isPressed: (value: string) => boolean;
  onToggle: (value: string) => void;
  /** Rendered after the buttons, inside the group (e.g. "More tags"). */
  children?: ComponentChildren;
}

/** A row of toggle buttons (aria-pressed): the tag bar and the blog filter. */
export function ToggleGroup({ label, options, isPressed, onToggle, children }: ToggleGroupProps) {
  return (
    <div role="group" aria-label={label} class="toggles">
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          class="toggle"
          aria-pressed={isPressed(option.value)}
          onClick={() => onToggle(option.value)}
        >
          {option.label}
          {option.count !== undefined && (
            <>
              <span class="toggle-count" aria-hidden="true">
                {option.count}
              </span>
              <span class="visually-hidden">{plural('postCountSuffix', option.count)}</span>
            </>
          )}
        </button>
      ))}
      {children}
    </div>
  );
}
