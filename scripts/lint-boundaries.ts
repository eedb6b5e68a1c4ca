/**
 * The layout's rules, checked on every `npm run lint` (README, "How it is built"): a file's folder
 * says where its code runs, and what it may import follows from that. Biome checks one file at a
 * time; these rules need the import graph (what the blogs' pages load is whatever their entries
 * reach, however indirectly), so they are read here, from the TypeScript sources, with the
 * compiler's own parser. Type-only imports cost no bytes and run nothing: the page's budget ignores
 * them; the rooms and cycles do not.
 *
 *   npx tsx scripts/lint-boundaries.ts      exits 1 and names the rule of every violation
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface Violation {
  rule: RuleId;
  message: string;
}

export type RuleId = 'page-budget' | 'rooms' | 'entry-isolation' | 'protocol' | 'import-cycle';

interface Import {
  from: string;
  /** A project file (resolved), or a package's name as written. */
  target: string;
  local: boolean;
  typeOnly: boolean;
}

/** Content scripts: the entrypoints that run on the blogs' pages, beside content/. */
const PAGE_ENTRIES = ['article-detector', 'catalog-article', 'brief-panel', 'feed-article-hint', 'own-notes'];
/** What code on the blogs' pages must never load: a database, a validator, storage, other processes' code. */
const PAGE_FORBIDDEN_PACKAGES = ['idb', 'zod', '@preact/signals', '@preact/signals-core', 'webextension-polyfill'];
const PAGE_FORBIDDEN_FOLDERS = ['utils/storage/', 'utils/backup/', 'background/', 'pages/'];

/** Each room, and the rooms it may import from (itself included). */
const ROOMS: Record<string, readonly string[]> = {
  'utils/': ['utils/', 'public/_locales/'],
  'components/': ['components/', 'utils/'],
  'background/': ['background/', 'utils/', 'data/'],
  'content/': ['content/', 'components/', 'utils/'],
  'pages/': ['pages/', 'components/', 'utils/'],
};
/** The room each entrypoint's process owns. */
const ENTRY_ROOM: Record<string, string> = {
  background: 'background/',
  ...Object.fromEntries(PAGE_ENTRIES.map((entry) => [entry, 'content/'])),
};
const PAGES_ROOM = 'pages/';
const PROTOCOL = 'utils/messaging/';
/** Folders whose files are checked; the rest (tests, bench, tools, build, scripts) may use anything. */
const CHECKED = ['entrypoints/', ...Object.keys(ROOMS)];

const EXTENSIONS = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

function readImports(file: string, text: string, exists: (file: string) => boolean): Import[] {
  if (file.endsWith('.css')) return readCssImports(file, text);
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TSX);
  const found: Import[] = [];
  const add = (specifier: string, typeOnly: boolean) => {
    const bare = specifier.split('?')[0]!;
    if (!bare.startsWith('.')) {
      found.push({ from: file, target: packageName(bare), local: false, typeOnly });
      return;
    }
    const base = path.posix.normalize(path.posix.join(path.posix.dirname(file), bare));
    const target = EXTENSIONS.map((ext) => base + ext).find(exists) ?? base;
    found.push({ from: file, target, local: true, typeOnly });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, isTypeOnlyImport(node));
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const typeOnly =
        node.isTypeOnly ||
        (node.exportClause !== undefined &&
          ts.isNamedExports(node.exportClause) &&
          node.exportClause.elements.every((element) => element.isTypeOnly));
      add(node.moduleSpecifier.text, typeOnly);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      add(node.arguments[0].text, false);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** A stylesheet's @imports: a page's stylesheet is bound by its folder's rules as its scripts are. */
function readCssImports(file: string, text: string): Import[] {
  return [...text.matchAll(/@import\s+(?:url\()?["']([^"']+)["']/g)].map(([, specifier]) => {
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier!));
    return { from: file, target, local: true, typeOnly: false };
  });
}

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false; // a side-effect import runs the module
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  return bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.every((e) => e.isTypeOnly);
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** entrypoints/<name>/… -> name; entrypoints/<name>.ts -> name. */
function entryOf(file: string): string | null {
  const match = /^entrypoints\/([^/.]+)/.exec(file);
  return match ? match[1]! : null;
}

function roomOf(file: string): string | null {
  return Object.keys(ROOMS).find((room) => file.startsWith(room)) ?? null;
}

function allowedFor(file: string): readonly string[] | null {
  const room = roomOf(file);
  if (room) return ROOMS[room]!;
  const entry = entryOf(file);
  if (entry === null) return null;
  const own = ENTRY_ROOM[entry] ?? PAGES_ROOM;
  return [`entrypoints/${entry}`, own, ...(ROOMS[own] ?? []), 'components/', 'utils/', 'data/', 'public/'];
}

function runsOnPages(file: string): boolean {
  const entry = entryOf(file);
  return file.startsWith('content/') || (entry !== null && PAGE_ENTRIES.includes(entry));
}

/** Every violation of the layout's rules in a tree of sources (path -> text). */
export function checkBoundaries(sources: ReadonlyMap<string, string>): Violation[] {
  const exists = (file: string) => sources.has(file);
  const checked = [...sources.keys()].filter((file) => CHECKED.some((folder) => file.startsWith(folder)));
  const imports = new Map(checked.map((file) => [file, readImports(file, sources.get(file)!, exists)]));
  return [...pageBudget(imports), ...roomsAndEntries(imports), ...protocol(imports), ...cycles(imports)];
}

function pageBudget(imports: ReadonlyMap<string, Import[]>): Violation[] {
  const violations: Violation[] = [];
  /** How each file the pages load was reached, for the message. */
  const via = new Map<string, string>();
  const queue = [...imports.keys()].filter(runsOnPages);
  for (const root of queue) via.set(root, root);
  while (queue.length) {
    const file = queue.shift()!;
    for (const edge of imports.get(file) ?? []) {
      if (edge.typeOnly) continue;
      const forbidden = edge.local
        ? PAGE_FORBIDDEN_FOLDERS.find((folder) => edge.target.startsWith(folder)) ||
          (entryOf(edge.target) !== null && !runsOnPages(edge.target) ? 'an extension page' : undefined)
        : PAGE_FORBIDDEN_PACKAGES.includes(edge.target)
          ? `the package ${edge.target}`
          : undefined;
      if (forbidden) {
        violations.push({
          rule: 'page-budget',
          message: `${via.get(file)} loads ${edge.target} (${file} imports it): code that runs on the blogs' pages must not load ${forbidden}`,
        });
      } else if (edge.local && !via.has(edge.target)) {
        via.set(edge.target, `${via.get(file)} → ${edge.target}`);
        queue.push(edge.target);
      }
    }
  }
  return violations;
}

function roomsAndEntries(imports: ReadonlyMap<string, Import[]>): Violation[] {
  const violations: Violation[] = [];
  for (const [file, edges] of imports) {
    const allowed = allowedFor(file);
    for (const edge of edges) {
      if (!edge.local) continue;
      const [fromEntry, toEntry] = [entryOf(file), entryOf(edge.target)];
      if (toEntry !== null && toEntry !== fromEntry) {
        violations.push({
          rule: 'entry-isolation',
          message: `${file} imports ${edge.target}: an entrypoint is imported by nothing; move what both use into their room or utils/`,
        });
      } else if (allowed && !allowed.some((folder) => edge.target.startsWith(folder))) {
        violations.push({
          rule: 'rooms',
          message: `${file} imports ${edge.target}: code in ${roomOf(file) ?? `entrypoints/${fromEntry}/`} may import only ${allowed.join(', ')}`,
        });
      }
    }
  }
  return violations;
}

function protocol(imports: ReadonlyMap<string, Import[]>): Violation[] {
  const violations: Violation[] = [];
  for (const [file, edges] of imports) {
    if (!file.startsWith(PROTOCOL)) continue;
    for (const edge of edges) {
      const implementation = edge.local ? !edge.typeOnly && !edge.target.startsWith(PROTOCOL) : edge.target !== 'wxt';
      if (implementation) {
        violations.push({
          rule: 'protocol',
          message: `${file} imports ${edge.target}: the message protocol imports only types (and wxt/browser to send), never an implementation`,
        });
      }
    }
  }
  return violations;
}

/** Cycles among project files (type imports included: a cycle of types is still two modules defining each other). */
function cycles(imports: ReadonlyMap<string, Import[]>): Violation[] {
  const next = (file: string) => [
    ...new Set((imports.get(file) ?? []).filter((edge) => edge.local && imports.has(edge.target)).map((e) => e.target)),
  ];
  // Tarjan's strongly connected components, iteratively enough for this tree's depth.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const violations: Violation[] = [];
  const strongConnect = (file: string) => {
    index.set(file, counter);
    low.set(file, counter++);
    stack.push(file);
    onStack.add(file);
    for (const target of next(file)) {
      if (!index.has(target)) {
        strongConnect(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) low.set(file, Math.min(low.get(file)!, index.get(target)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1) {
      violations.push({
        rule: 'import-cycle',
        message: `these modules import one another: ${component.sort().join(', ')}`,
      });
    }
  };
  for (const file of imports.keys()) if (!index.has(file)) strongConnect(file);
  return violations;
}

function main() {
  const files = execFileSync(
    'git',
    ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts', '*.tsx', '*.css'],
    {
      encoding: 'utf8',
    },
  )
    .split('\n')
    .filter((file) => file && !file.endsWith('.d.ts'));
  const sources = new Map<string, string>();
  for (const file of files) {
    try {
      sources.set(file, readFileSync(file, 'utf8'));
    } catch {
      // listed by git, deleted in the work tree
    }
  }
  const violations = checkBoundaries(sources);
  for (const { rule, message } of violations) console.error(`✖ [${rule}] ${message}`);
  if (violations.length) {
    console.error(`\n${violations.length} boundary violation(s): the rules are in README.md, "How it is built".`);
    process.exit(1);
  }
  console.log(`Boundaries: ${sources.size} files, no violation.`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) main();
