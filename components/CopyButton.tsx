import { useState } from 'preact/hooks';
import { t } from '../utils/text/i18n';

/**
 * "Copy as Markdown": writes what `text()` makes to the clipboard, then says so for a moment (or that
 * the browser refused). The text is made on the click, so nothing is built for rows never copied.
 */
export function CopyButton({
  text,
  label = t('copyMarkdown'),
}: {
  text: () => Promise<string> | string;
  label?: string;
}) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(await text());
      setState('copied');
    } catch {
      setState('failed');
    }
    setTimeout(() => setState('idle'), 2_000);
  };
  return (
    <button type="button" class="row-expand copy" onClick={() => void copy()} aria-live="polite">
      {state === 'copied' ? t('copiedMarkdown') : state === 'failed' ? t('copyFailed') : label}
    </button>
  );
}
