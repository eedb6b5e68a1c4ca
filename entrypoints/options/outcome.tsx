/** What the options page last did, said under its section: a save refused, an export or import done. */
export type Outcome = { kind: 'ok' | 'error'; text: string } | null;

/** The outcome, announced: an alert for an error, a status otherwise. */
export function OutcomeLine({ outcome }: { outcome: Outcome }) {
  if (!outcome) return null;
  return (
    <p role={outcome.kind === 'error' ? 'alert' : 'status'} class={`outcome ${outcome.kind}`}>
      {outcome.text}
    </p>
  );
}
