/** What the options page last did, said under the favorites: a save refused, an export or import done. */
export type Outcome = { kind: 'ok' | 'error'; text: string } | null;
