/**
 * What a tag may look like. Tags are data, not a fixed vocabulary: a feed brings its own topics and the
 * popup's tag list grows with the catalog. The rule keeps them browsable: lower-case words joined by
 * hyphens ("service-mesh"), short enough for a chip. (The bundled briefs all carry `dist`, the seed
 * page's collection tag; that is their data, not a rule of the product.)
 * Kept out of catalog.ts so the popup can use it without bundling zod.
 */
export const TAG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_TAG_LENGTH = 32;
/** A brief names at least one topic and at most this many. */
export const MAX_TAGS = 6;

export type Tag = string;
