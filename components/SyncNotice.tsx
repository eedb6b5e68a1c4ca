/** A favorites sync problem in plain words (utils/text/sync-notice.ts), when there is one. */
export function SyncNotice({ text, class: className = '' }: { text: string | null; class?: string }) {
  return text ? (
    <p role="status" class={`sync-notice ${className}`.trim()}>
      {text}
    </p>
  ) : null;
}
