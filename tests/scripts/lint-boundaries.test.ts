import { describe, expect, it } from 'vitest';
import { checkBoundaries, type RuleId } from '../../scripts/lint-boundaries';

/** A small tree laid out as the project is, with one file changed or added by the test. */
function tree(overrides: Record<string, string> = {}) {
  return new Map(
    Object.entries({
      'entrypoints/catalog-article/index.ts': "import { follow } from '../../content/detector/follow';\nfollow();",
      'entrypoints/popup/main.tsx': "import { Browse } from '../../pages/browse/Browse';\nBrowse();",
      'entrypoints/background/index.ts': "import { createBackground } from '../../background/create-background';",
      'content/detector/follow.ts':
        "import { findPostId } from '../../utils/catalog/match';\nimport type { Post } from '../../utils/catalog/catalog-schema';\nexport const follow = () => findPostId();",
      'pages/browse/Browse.tsx': "import { open } from '../../utils/storage/catalog-db';\nexport const Browse = open;",
      'background/create-background.ts':
        "import { open } from '../utils/storage/catalog-db';\nexport const createBackground = open;",
      'utils/catalog/match.ts': 'export const findPostId = () => null;',
      'utils/catalog/catalog-schema.ts': "import { z } from 'zod';\nexport type Post = { id: string };",
      'utils/storage/catalog-db.ts': "import { openDB } from 'idb';\nexport const open = openDB;",
      'utils/messaging/protocol.ts':
        "import { browser } from 'wxt/browser';\nimport type { Post } from '../catalog/catalog-schema';",
      ...overrides,
    }),
  );
}
const rules = (sources: Map<string, string>): RuleId[] => checkBoundaries(sources).map((v) => v.rule);

describe('the layout rules the lint enforces', () => {
  it('accepts a tree that keeps them, type-only imports of a schema included', () => {
    expect(checkBoundaries(tree())).toEqual([]);
  });

  it("refuses idb, zod or storage reached from the blogs' pages, however indirectly, and names the chain", () => {
    const violations = checkBoundaries(
      tree({
        'utils/catalog/match.ts': "import { open } from '../storage/catalog-db';\nexport const findPostId = open;",
      }),
    );
    expect(violations.map((v) => v.rule)).toEqual(['page-budget']);
    expect(violations[0]!.message).toContain('content/detector/follow.ts → utils/catalog/match.ts');
    expect(violations[0]!.message).toContain('utils/storage/');
    expect(
      rules(tree({ 'content/detector/follow.ts': "import { z } from 'zod';\nexport const follow = () => z;" })),
    ).toEqual(['page-budget']);
    expect(
      rules(
        tree({
          'content/detector/follow.ts':
            "import { Post } from '../../utils/catalog/catalog-schema';\nexport const follow = () => Post;",
        }),
      ),
    ).toEqual(['page-budget']);
  });

  it('refuses an entrypoint importing another', () => {
    expect(
      rules(
        tree({
          'entrypoints/popup/main.tsx': "import '../catalog-article/index';\nimport '../../pages/browse/Browse';",
        }),
      ),
    ).toEqual(['entry-isolation']);
  });

  it("refuses a page's stylesheet importing another entrypoint's", () => {
    expect(rules(tree({ 'entrypoints/sidepanel/sidepanel.css': '@import "../popup/popup.css";' }))).toEqual([
      'entry-isolation',
    ]);
    expect(rules(tree({ 'entrypoints/sidepanel/sidepanel.css': '@import "../../components/panel.css";' }))).toEqual([]);
  });

  it('refuses a room importing another room it may not', () => {
    const violations = checkBoundaries(
      tree({ 'background/create-background.ts': "import { follow } from '../content/detector/follow';" }),
    );
    expect(violations.map((v) => v.rule)).toEqual(['rooms']);
    expect(violations[0]!.message).toContain('code in background/ may import only');
    expect(
      rules(tree({ 'utils/catalog/match.ts': "import type { Browse } from '../../pages/browse/Browse';" })),
    ).toEqual(['rooms']);
  });

  it('refuses a protocol that imports an implementation', () => {
    expect(
      rules(tree({ 'utils/messaging/protocol.ts': "import { findPostId } from '../catalog/match';\nfindPostId();" })),
    ).toEqual(['protocol']);
  });

  it('refuses import cycles, of types too', () => {
    expect(
      rules(
        tree({
          'utils/catalog/match.ts':
            "import type { Post } from './catalog-schema';\nexport const findPostId = () => null;",
          'utils/catalog/catalog-schema.ts': "import type { findPostId } from './match';\nexport type Post = {};",
        }),
      ),
    ).toEqual(['import-cycle']);
  });
});
