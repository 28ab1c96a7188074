import type { Answer, Schema } from './api.ts';
import { DraftReview } from './ToSendScreen.tsx';

/** What closing a job answers: its status and each stage's drafts to review. */
export type CloseOutResult = Answer<'/api/v1/jobs/{id}/close', 'post'>;

/** How far a stage got, in words. */
export const REACH_WORDS: Record<Schema<'CloseOutStage'>['reach'], string> = {
  final: 'reached the final stage',
  interviewed: 'interviewed',
  applied: 'applied, not interviewed',
};

/** After closing a job: each stage's drafted message to review and send, and whom to call instead. */
export function CloseOutReview({ title, result }: { title: string; result: CloseOutResult }) {
  const calls = result.stages.flatMap((g) =>
    g.applications.filter((a) => g.withoutEmail.includes(a.applicationId)),
  );
  return (
    <section className="card" aria-labelledby="h-review">
      <h2 id="h-review">Review before sending: {title}</h2>
      <p>
        {title} is {result.status}. One message per stage, worded for how far they got. Nothing is sent until
        you send it; the drafts stay in <a href="#/to-send">To send</a> if you leave.
      </p>
      {calls.length > 0 && (
        <p className="notice" role="status">
          No email, call them: {calls.map((a) => a.candidateName).join(', ')}.
        </p>
      )}
      <DraftReview
        groups={result.stages.map((g) => ({
          key: g.stage,
          title: `${g.stage} (${REACH_WORDS[g.reach]})`,
          drafts: g.drafts,
        }))}
        onChanged={() => undefined}
      />
    </section>
  );
}
