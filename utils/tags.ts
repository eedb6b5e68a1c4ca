/**
 * The controlled tag vocabulary. `dist` marks the seed collection (every post has it); the others are
 * topics a reader browses by. Adding a tag is a deliberate edit here, not a typo in the JSON.
 * Kept out of catalog.ts so the popup can list tags without bundling zod.
 */
export const TAGS = [
  'dist',
  'analytics',
  'architecture',
  'build-systems',
  'data-platform',
  'developer-productivity',
  'graphql',
  'kubernetes',
  'machine-learning',
  'migration',
  'observability',
  'open-source',
  'performance',
  'reliability',
  'service-mesh',
  'storage',
  'workflow',
] as const;
export type Tag = (typeof TAGS)[number];
