import { dueWords } from '../domain/due-words.ts';
import { columnsOf, daysInStage } from '../domain/pipeline.ts';
import { errors } from '../errors.ts';
import { findJob } from '../repositories/job.repository.ts';
import { listPipelineCards, type PipelineCardRow } from '../repositories/pipeline.repository.ts';
import type { ServiceDeps } from './deps.ts';

/** One card of the board: an application, how long it has sat in its stage, and what is owed on it next. */
export interface PipelineCard extends Omit<PipelineCardRow, 'followUp'> {
  daysInStage: number;
  followUp: (NonNullable<PipelineCardRow['followUp']> & { overdue: boolean; dueWords: string }) | null;
}

/** A job's board: its stages as columns, left to right, each with its cards. */
export interface JobPipeline {
  job: { id: string; title: string; status: string };
  columns: { stage: string; cards: PipelineCard[] }[];
}

/**
 * The pipeline of a job (issue #17): everyone still in the running, by stage, with days in the
 * stage and the next follow-up the team owes (overdue marked), so a stalled candidate stands out.
 */
export async function getJobPipeline(deps: ServiceDeps, orgId: string, jobId: string): Promise<JobPipeline> {
  const now = deps.clock.now();
  return deps.db.tenant(orgId).transaction(async (tx) => {
    const job = await findJob(tx, orgId, jobId);
    if (!job) throw errors.notFound('Job', jobId);
    const cards = (await listPipelineCards(tx, orgId, jobId)).map((c): PipelineCard => ({
      ...c,
      daysInStage: daysInStage(c.stageSince, now),
      followUp: c.followUp && {
        ...c.followUp,
        overdue: c.followUp.dueAt.getTime() < now.getTime(),
        dueWords: dueWords(c.followUp.dueAt, now),
      },
    }));
    return {
      job: { id: job.id, title: job.title, status: job.status },
      columns: columnsOf(job.stages, cards),
    };
  });
}
