import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Use-case services depend downward only (docs/ARCHITECTURE.md, "Layers"): a `*.service.ts` file
 * imports the domain, repositories and the shared non-service modules under src/services/
 * (`candidate-links.ts`, `message-templates.ts`, `secret-tokens.ts`, `message-builder.ts`, …) —
 * not another use-case service. When two services need the same piece, it is lifted into such a
 * lower module instead of one calling the other sideways.
 *
 * Allowed without naming: the three sinks every use case records into inside its own transaction
 * (`audit.service` for the audit log, `outbox.service` for email, `webhook.service` for events),
 * the demo seeders (they compose use cases on purpose), and type-only imports (no call at run
 * time). Every other sideways import is named below with its reason; the list only shrinks — a
 * name that no longer occurs fails too, so it is removed when the import goes.
 */

const ROOT = join(import.meta.dirname, '..');
const SERVICES = join(ROOT, 'src/services');

const SINKS = new Set(['audit.service', 'outbox.service', 'webhook.service']);
const SEEDERS = new Set(['demo.service', 'agency-demo.service']);

/** The remaining sideways imports, `from -> to`, each with why it stays (or what would lift it). */
const ALLOWED: Record<string, string> = {
  // The candidate page's jobs share one view: what the candidate may do is what the page offers.
  'candidate-notes.service -> candidate-page.service':
    'a check-in is allowed exactly when the view offers it',
  'candidate-privacy.service -> candidate-page.service': 'the export holds what the page shows',
  'candidate-page.service -> application.service': 'withdrawing is the application status change, one path',
  // The hiring side.
  'talent-pool.service -> application.service': 'a pool member joining a job is a new application',
  // The agency desk.
  'client-answer.service -> agency.service':
    "an answer through the link is the client's answer the recruiter records, one path",
  'member-desk.service -> agency.service': "a member's desk is the agency desk",
  // Members and sign-in.
  'sso.service -> auth.service': 'single sign-on ends in the same session start',
};

/** Value imports (not type-only) of one `*.service.ts` file from another. */
function sidewaysImports(file: string): string[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(join(SERVICES, file), 'utf8'),
    ts.ScriptTarget.Latest,
  );
  const from = file.replace(/\.ts$/, '');
  const edges: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const to = /^\.\/(.+\.service)\.ts$/.exec(statement.moduleSpecifier.text)?.[1];
    const clause = statement.importClause;
    if (!to || !clause || clause.isTypeOnly) continue;
    const named = clause.namedBindings;
    const typesOnly =
      !clause.name && named && ts.isNamedImports(named) && named.elements.every((e) => e.isTypeOnly);
    if (!typesOnly) edges.push(`${from} -> ${to}`);
  }
  return edges;
}

const edges = readdirSync(SERVICES)
  .filter((f) => f.endsWith('.service.ts'))
  .flatMap(sidewaysImports)
  .filter((edge) => {
    const [from, to] = edge.split(' -> ') as [string, string];
    return !SINKS.has(to) && !SEEDERS.has(from);
  });

describe('services depend downward', () => {
  it('imports no other use-case service except the named ones', () => {
    expect(edges.filter((edge) => !(edge in ALLOWED))).toEqual([]);
  });

  it('names no sideways import that is gone', () => {
    expect(Object.keys(ALLOWED).filter((edge) => !edges.includes(edge))).toEqual([]);
  });

  it('the message service and the sweep call no other use-case service', () => {
    expect(edges.filter((edge) => /^(message|sweep)\.service /.test(edge))).toEqual([]);
  });
});
