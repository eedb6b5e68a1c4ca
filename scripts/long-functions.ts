/**
 * Lists the project's functions longer than a limit (60 lines by default), longest first: the
 * check behind "functions short enough to read" (README, "How it is built"). A report, not a gate:
 * some functions are long for a reason, written beside them.
 *
 *   npx tsx scripts/long-functions.ts [--limit 60]
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import ts from 'typescript';

// A report piped into head: stop quietly when the reader has seen enough.
process.stdout.on('error', () => process.exit(0));
const limitFlag = process.argv.indexOf('--limit');
const limit = limitFlag > 0 ? Number(process.argv[limitFlag + 1]) : 60;
const files = execFileSync('git', ['ls-files', '*.ts', '*.tsx'], { encoding: 'utf8' })
  .split('\n')
  .filter((file) => file && !file.endsWith('.d.ts') && !file.startsWith('tests/'));

const long: { where: string; lines: number }[] = [];
for (const file of files) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = end - start + 1;
      if (lines > limit) long.push({ where: `${file}:${start + 1} ${nameOf(node)}`, lines });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

function nameOf(node: ts.Node): string {
  const named = node as { name?: ts.Node };
  if (named.name) return named.name.getText();
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent)) return parent.name.getText();
  if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText();
  if (parent && ts.isCallExpression(parent)) return `(callback of ${parent.expression.getText().slice(0, 40)})`;
  return '(anonymous)';
}

long.sort((a, b) => b.lines - a.lines);
for (const { where, lines } of long) console.log(`${String(lines).padStart(4)}  ${where}`);
console.log(`${long.length} functions over ${limit} lines`);
