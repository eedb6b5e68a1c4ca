import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('the privacy policy', () => {
  it('ships with the extension as written in PRIVACY.md (the options page links to it)', () => {
    // Vitest runs from the project's root.
    expect(readFileSync('public/privacy.txt', 'utf8')).toBe(readFileSync('PRIVACY.md', 'utf8'));
  });
});
