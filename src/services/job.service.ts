import { DEFAULT_JOB_STAGES, duplicateStages } from '../domain/job-stages.ts';
import type { Job } from '../domain/model.ts';
import {
  changedComplianceOverrides,
  PolicySchema,
  writtenPromiseOffWithoutReason,
} from '../domain/policy.ts';
import { replanFollowUps } from '../repositories/follow-up.repository.ts';
import { findOrganization } from '../repositories/organization.repository.ts';
import { AppError, errors } from '../errors.ts';
import { findJob, insertJob, listJobs, updateJob } from '../repositories/job.repository.ts';
import { deleteWithoutApplications } from '../repositories/application.repository.ts';
import type { ServiceDeps } from './deps.ts';
import { fetchPage, type Page } from './pagination.ts';
import { requireActiveMember } from './references.ts';
import { reviewFinalists } from './finalists.ts';

/** Fields a job is created with. */
export interface JobInput {
  title: string;
  roleKind: Job['roleKind'];
  status?: Job['status'] | undefined;
  hiringManagerId?: string | null | undefined;
  recruiterId?: string | null | undefined;
  /** Its stages in order; default {@link DEFAULT_JOB_STAGES}. */
  stages?: string[] | undefined;
}

/** Refuse a stage list that names a stage twice (`duplicate_stage`), pointing at each repeat. */
function refuseDuplicateStages(stages: readonly string[] | undefined): void {
  const repeats = duplicateStages(stages ?? []);
  if (repeats.length === 0) return;
  const names = [...new Set(repeats.map((r) => r.stage.toLowerCase()))];
  throw new AppError('duplicate_stage', `A job names each stage once; twice here: ${names.join(', ')}.`, {
    field: 'stages',
    errors: repeats.map((r) => ({ path: `stages.${r.index}`, message: `"${r.stage}" is already a stage` })),
  });
}

/** Open a job. */
export async function createJob(deps: ServiceDeps, orgId: string, input: JobInput): Promise<Job> {
  refuseDuplicateStages(input.stages);
  return deps.db.tenant(orgId).transaction(async (tx) => {
    if (input.hiringManagerId) await requireActiveMember(tx, orgId, input.hiringManagerId, 'hiringManagerId');
    if (input.recruiterId) await requireActiveMember(tx, orgId, input.recruiterId, 'recruiterId');
    return insertJob(tx, {
      orgId,
      title: input.title,
      roleKind: input.roleKind,
      status: input.status ?? 'open',
      hiringManagerId: input.hiringManagerId ?? null,
      recruiterId: input.recruiterId ?? null,
      stages: input.stages ?? [...DEFAULT_JOB_STAGES],
      createdAt: deps.clock.now(),
    });
  });
}

/** One job. */
export async function getJob(deps: ServiceDeps, orgId: string, id: string): Promise<Job> {
  const job = await findJob(deps.db.tenant(orgId), orgId, id);
  if (!job) throw errors.notFound('Job', id);
  return job;
}

/** Jobs, a page at a time. */
export async function listJobsPage(
  deps: ServiceDeps,
  orgId: string,
  query: {
    cursor?: string | undefined;
    limit: number;
    status?: Job['status'] | undefined;
    q?: string | undefined;
  },
): Promise<Page<Job>> {
  return fetchPage(
    query,
    (page) => listJobs(deps.db.tenant(orgId), orgId, { ...page, status: query.status, contains: query.q }),
    (j) => j.createdAt,
  );
}

/** Change a job. */
export async function changeJob(
  deps: ServiceDeps,
  orgId: string,
  id: string,
  patch: Partial<Omit<JobInput, 'status'>> & {
    status?: Job['status'] | undefined;
    policyOverrides?: Record<string, unknown> | undefined;
  },
  /** Whether the caller may change the organization's policy (`policy:write`): compliance overrides need it. */
  rights: { policyWrite: boolean } = { policyWrite: false },
): Promise<Job> {
  if (patch.status === 'closed' || patch.status === 'filled') {
    // Closing has consequences (every candidate still in it must hear): it has its own use case.
    throw errors.invalidState(
      'Close or fill a job with POST /api/v1/jobs/{id}/close, which notifies its candidates.',
    );
  }
  refuseDuplicateStages(patch.stages);
  return deps.db.tenant(orgId).transaction(async (tx) => {
    if (patch.policyOverrides) {
      const known = new Set(Object.keys(PolicySchema.shape));
      const unknown = Object.keys(patch.policyOverrides).filter((k) => !known.has(k));
      const org = (await findOrganization(tx, orgId))!;
      const current = await findJob(tx, orgId, id);
      if (!current) throw errors.notFound('Job', id);
      const compliance = changedComplianceOverrides(current.policyOverrides, patch.policyOverrides);
      if (compliance.length > 0 && !rights.policyWrite) {
        throw new AppError(
          'forbidden',
          `Only those who may change the organization's policy may override ${compliance.join(', ')} for a job.`,
          { fields: compliance.map((k) => `policyOverrides.${k}`) },
        );
      }
      if (writtenPromiseOffWithoutReason(patch.policyOverrides.writtenPromise)) {
        throw new AppError(
          'reason_required',
          'Say why this job does not send the written promise: give writtenPromise.reason.',
          {
            field: 'policyOverrides.writtenPromise.reason',
            errors: [
              {
                path: 'policyOverrides.writtenPromise.reason',
                message: 'say why this job’s candidates get no written promise',
              },
            ],
          },
        );
      }
      const merged = PolicySchema.safeParse({ ...org.policy, ...patch.policyOverrides });
      if (unknown.length > 0 || !merged.success) {
        throw errors.validation('The policy overrides are invalid.', {
          errors: [
            ...unknown.map((k) => ({ path: `policyOverrides.${k}`, message: 'is not a policy field' })),
            ...(merged.success
              ? []
              : merged.error.issues.map((i) => ({
                  path: `policyOverrides.${i.path.join('.')}`,
                  message: i.message,
                }))),
          ],
        });
      }
    }
    if (patch.hiringManagerId) await requireActiveMember(tx, orgId, patch.hiringManagerId, 'hiringManagerId');
    if (patch.recruiterId) await requireActiveMember(tx, orgId, patch.recruiterId, 'recruiterId');
    const job = await updateJob(tx, orgId, id, patch, deps.clock.now());
    if (!job) throw errors.notFound('Job', id);
    // Reminder and escalation times follow the policy: the job's promises are planned again.
    if (patch.policyOverrides) await replanFollowUps(tx, orgId, deps.clock.now(), id);
    // On hold, or a new finalist target: the backfill follows.
    if (patch.status !== undefined || patch.policyOverrides)
      await reviewFinalists(tx, orgId, id, null, deps.clock.now());
    return job;
  });
}

/** Delete a job nobody applied to; a job with applications is closed instead, to keep its history. */
export async function deleteJob(deps: ServiceDeps, orgId: string, id: string): Promise<void> {
  await deps.db.tenant(orgId).transaction(async (tx) => {
    if (!(await findJob(tx, orgId, id))) throw errors.notFound('Job', id);
    if (!(await deleteWithoutApplications(tx, orgId, 'jobs', id))) {
      throw errors.conflict('This job has applications; close it instead of deleting it.');
    }
  });
}
