import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every query carries its tenant. Row-level security already stops a cross-tenant read; this test
 * keeps the second layer honest (docs/ARCHITECTURE.md, "Tenancy") and keeps the code ready to be
 * distributed by `org_id` (Citus, "Growing past one database machine"): a statement that filters
 * by `org_id` is routed to one shard, and a join on `org_id` stays on that shard.
 *
 * It reads the SQL of every `.query(...)` call outside src/db, resolving `${NAME}` pieces that are
 * module-level string constants, and fails when a statement on a tenant table (one with an
 * `org_id` column in migrations/schema.sql)
 * - inserts without an `org_id` column,
 * - reads, updates or deletes without `org_id` in a WHERE or ON condition, or
 * - joins a tenant table on a condition without `org_id`,
 * unless its function is one of the cross-tenant look-ups below, each with the reason it cannot
 * name its tenant.
 */

const ROOT = join(import.meta.dirname, '..');

/** The look-ups that find the tenant (or sweep every tenant), so cannot filter by one. */
const CROSS_TENANT: Record<string, string> = {
  findLiveCalendarFeed: 'a calendar feed URL carries only its token; the row names the tenant',
  findSessionByHash: 'a session cookie carries only its token; the row names the tenant',
  takeSsoLogin: 'an identity provider returns only the state; the row names the tenant',
  findMessageByReplyToken: 'a reply carries only its token; the message names the tenant',
  findMessageByMessageIds: 'a reply carries only Message-IDs; the message names the tenant',
  findCandidatesByEmail: 'inbound mail is routed by its sender before a tenant is known',
  inboundExists: 'the same raw mail is recorded once, whichever tenant it was routed to',
  dueErasures: 'the worker erases what is due in every tenant, then works in each one',
  claimExpiredMemberships: 'the worker expires consent in every tenant, then works in each one',
  deleteIdempotencyKeysBefore: 'housekeeping of stored keys in every tenant',
  status: '`hearback status` reads the newest record of any tenant, to see a clock gone backwards',
};

/** Folders whose files may hold SQL (src/db is the driver itself). */
const FOLDERS = ['src/repositories', 'src/services', 'src/worker', 'src/cli'];

interface Statement {
  file: string;
  fn: string;
  sql: string;
}

function tenantTables(): Set<string> {
  const schema = readFileSync(join(ROOT, 'migrations', 'schema.sql'), 'utf8');
  const out = new Set<string>();
  for (const m of schema.matchAll(/CREATE TABLE public\.(\w+) \(([\s\S]*?)\n\);/g)) {
    if (/\n\s+org_id uuid/.test(m[2]!)) out.add(m[1]!);
  }
  return out;
}

function sourceFiles(): string[] {
  return FOLDERS.flatMap((dir) =>
    readdirSync(join(ROOT, dir))
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => join(dir, f)),
  );
}

/** Module-level `const NAME = '...'` / `` `...` `` strings of every file: shared SQL fragments. */
function constants(files: ts.SourceFile[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const src of files) {
    for (const st of src.statements) {
      if (!ts.isVariableStatement(st)) continue;
      for (const d of st.declarationList.declarations) {
        const init = d.initializer;
        if (
          ts.isIdentifier(d.name) &&
          init &&
          (ts.isStringLiteral(init) || ts.isNoSubstitutionTemplateLiteral(init))
        ) {
          out.set(d.name.text, init.text);
        }
      }
    }
  }
  return out;
}

/** The SQL text of a query's first argument; substitutions that are not known constants read as `?`. */
function sqlOf(arg: ts.Expression, consts: Map<string, string>): string | null {
  if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) return arg.text;
  if (ts.isTemplateExpression(arg)) {
    const piece = (e: ts.Expression) => (ts.isIdentifier(e) ? (consts.get(e.text) ?? '?') : '?');
    return arg.head.text + arg.templateSpans.map((s) => ` ${piece(s.expression)} ${s.literal.text}`).join('');
  }
  if (ts.isIdentifier(arg)) return consts.get(arg.text) ?? null;
  return null;
}

function statements(): { found: Statement[]; unreadable: string[] } {
  const files = sourceFiles().map((f) =>
    ts.createSourceFile(f, readFileSync(join(ROOT, f), 'utf8'), ts.ScriptTarget.Latest, true),
  );
  const consts = constants(files);
  const found: Statement[] = [];
  const unreadable: string[] = [];
  for (const src of files) {
    const visit = (node: ts.Node, fn: string): void => {
      // A function's name, or a command's (`status: ownerCommand({ … })`).
      const name =
        (ts.isFunctionDeclaration(node) || ts.isPropertyAssignment(node)) &&
        node.name &&
        ts.isIdentifier(node.name)
          ? node.name.text
          : fn;
      if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        node.expression.name.text === 'query' &&
        node.arguments[0]
      ) {
        const sql = sqlOf(node.arguments[0], consts);
        if (sql === null) unreadable.push(`${src.fileName} ${name}`);
        else found.push({ file: src.fileName, fn: name, sql });
      }
      ts.forEachChild(node, (child) => visit(child, name));
    };
    visit(src, '(top level)');
  }
  return { found, unreadable };
}

/** What is wrong with a statement's tenant scope, or null. */
function scopeProblem(sql: string, tenant: Set<string>): string | null {
  const tables = [...sql.matchAll(/\b(?:FROM|JOIN|INTO|UPDATE)\s+(\w+)/gi)].map((m) => m[1]!);
  if (!tables.some((t) => tenant.has(t))) return null;
  for (const m of sql.matchAll(
    /\bJOIN\s+(\w+)(?:\s+(?:AS\s+)?\w+)?\s+ON\s+([\s\S]*?)(?=\b(?:LEFT|RIGHT|INNER|FULL|CROSS|JOIN|WHERE|GROUP|ORDER|LIMIT|RETURNING|UNION)\b|\)|$)/gi,
  )) {
    if (tenant.has(m[1]!) && !/\borg_id\b/.test(m[2]!)) return `joins ${m[1]} without org_id`;
  }
  const insertOnly = /^\s*INSERT\b/i.test(sql) && !/\bWHERE\b/i.test(sql);
  if (insertOnly) {
    return /INSERT\s+INTO\s+\w+\s*\([^)]*\borg_id\b/i.test(sql) ? null : 'inserts without org_id';
  }
  return /\b(?:WHERE|ON)\b[\s\S]*\borg_id\b/i.test(sql) ? null : 'filters without org_id';
}

describe('every query carries its tenant', () => {
  const tenant = tenantTables();
  const { found, unreadable } = statements();

  it('reads the tenant tables and the queries', () => {
    expect(tenant.has('follow_ups')).toBe(true);
    expect(tenant.has('organizations')).toBe(false);
    expect(found.length).toBeGreaterThan(300);
  });

  it('can read the SQL of every query (a literal or a module-level constant)', () => {
    expect(unreadable).toEqual([]);
  });

  it('filters, joins and inserts by org_id outside the named cross-tenant look-ups', () => {
    const problems = found
      .filter((s) => !(s.fn in CROSS_TENANT))
      .map((s) => ({ at: `${s.file} ${s.fn}`, problem: scopeProblem(s.sql, tenant) }))
      .filter((p) => p.problem !== null);
    expect(problems).toEqual([]);
  });

  it('names only cross-tenant look-ups that exist and need it', () => {
    const needed = new Set(found.filter((s) => scopeProblem(s.sql, tenant) !== null).map((s) => s.fn));
    expect(Object.keys(CROSS_TENANT).filter((fn) => !needed.has(fn))).toEqual([]);
  });

  it('catches a statement without its tenant', () => {
    expect(scopeProblem('SELECT * FROM follow_ups WHERE id = $1', tenant)).toBe('filters without org_id');
    expect(scopeProblem('INSERT INTO jobs (id, title) VALUES ($1, $2)', tenant)).toBe(
      'inserts without org_id',
    );
    expect(
      scopeProblem('SELECT 1 FROM applications a JOIN jobs j ON j.id = a.job_id WHERE a.org_id = $1', tenant),
    ).toBe('joins jobs without org_id');
    expect(scopeProblem('SELECT 1 FROM follow_ups WHERE org_id = $1 AND id = $2', tenant)).toBeNull();
  });
});
