import type { Candidate } from '../domain/model.ts';
import { AppError, errors } from '../errors.ts';
import {
  findCandidate,
  insertCandidate,
  listCandidates,
  updateCandidate,
} from '../repositories/candidate.repository.ts';
import { deleteWithoutApplications } from '../repositories/application.repository.ts';
import type { ServiceDeps } from './deps.ts';
import { fetchPage, type Page } from './pagination.ts';

/** Fields a candidate is created with. */
export interface CandidateInput {
  name: string;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  timeZone?: string | null | undefined;
  source?: string | null | undefined;
}

/**
 * Refuse a second candidate with an email already on file, naming the one who has it, so a client
 * can open them instead (the unique index still refuses a racing duplicate, as a plain conflict).
 */
async function refuseDuplicateEmail(
  deps: ServiceDeps,
  orgId: string,
  email: string | null | undefined,
  exceptId?: string,
): Promise<void> {
  if (!email) return;
  const [existing] = await listCandidates(deps.db.tenant(orgId), orgId, { after: null, limit: 1, email });
  if (existing && existing.id !== exceptId) {
    throw new AppError('candidate_exists', `${existing.name} already has the email ${email}.`, {
      field: 'email',
      candidateId: existing.id,
    });
  }
}

/** Add a candidate; a candidate with the same email is refused (`candidate_exists`). */
export async function createCandidate(
  deps: ServiceDeps,
  orgId: string,
  input: CandidateInput,
): Promise<Candidate> {
  await refuseDuplicateEmail(deps, orgId, input.email);
  return insertCandidate(deps.db.tenant(orgId), {
    orgId,
    name: input.name,
    email: input.email ?? null,
    phone: input.phone ?? null,
    timeZone: input.timeZone ?? null,
    source: input.source ?? null,
    createdAt: deps.clock.now(),
  });
}

/** One candidate. */
export async function getCandidate(deps: ServiceDeps, orgId: string, id: string): Promise<Candidate> {
  const candidate = await findCandidate(deps.db.tenant(orgId), orgId, id);
  if (!candidate) throw errors.notFound('Candidate', id);
  return candidate;
}

/** Candidates, a page at a time. */
export async function listCandidatesPage(
  deps: ServiceDeps,
  orgId: string,
  query: { cursor?: string | undefined; limit: number; email?: string | undefined; q?: string | undefined },
): Promise<Page<Candidate>> {
  return fetchPage(
    query,
    (page) =>
      listCandidates(deps.db.tenant(orgId), orgId, { ...page, email: query.email, contains: query.q }),
    (c) => c.createdAt,
  );
}

/** Change a candidate. */
export async function changeCandidate(
  deps: ServiceDeps,
  orgId: string,
  id: string,
  patch: Partial<CandidateInput>,
): Promise<Candidate> {
  await refuseDuplicateEmail(deps, orgId, patch.email, id);
  const candidate = await updateCandidate(deps.db.tenant(orgId), orgId, id, patch, deps.clock.now());
  if (!candidate) throw errors.notFound('Candidate', id);
  return candidate;
}

/** Delete a candidate with no applications (erasure of a candidate with history is its own flow). */
export async function deleteCandidate(deps: ServiceDeps, orgId: string, id: string): Promise<void> {
  await deps.db.tenant(orgId).transaction(async (tx) => {
    if (!(await findCandidate(tx, orgId, id))) throw errors.notFound('Candidate', id);
    if (!(await deleteWithoutApplications(tx, orgId, 'candidates', id))) {
      throw errors.conflict('This candidate has applications; their history is kept.');
    }
  });
}
