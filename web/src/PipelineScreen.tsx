import { useCallback, useEffect, useState } from 'react';
import { Alerts } from './Alerts.tsx';
import { client, dataOf, messageOf, type Schema } from './api.ts';
import { when } from './format.ts';
import { KIND_WORDS } from './QueueRow.tsx';

/** `GET /jobs/{id}/pipeline`, as the generated API types say. */
type JobPipeline = Schema<'JobPipeline'>;
type PipelineCard = JobPipeline['columns'][number]['cards'][number];

/**
 * A job's pipeline: a column per stage of the job (in its order, empty ones too, then any other
 * stage a card is in), a card per candidate still in the running with days in
 * the stage and the next follow-up owed (overdue marked). A card moves with its "Move to" select
 * (keyboard and screen-reader friendly; no drag needed), through PATCH /applications/{id}.
 */
export function PipelineScreen({ jobId }: { jobId: string }) {
  const [board, setBoard] = useState<JobPipeline | null>(null);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const load = useCallback(async () => {
    try {
      setBoard(await dataOf(client.GET('/api/v1/jobs/{id}/pipeline', { params: { path: { id: jobId } } })));
    } catch (e) {
      setError(messageOf(e, 'Could not load the pipeline.'));
    }
  }, [jobId]);
  useEffect(() => {
    void load();
  }, [load]);

  async function move(card: PipelineCard, stage: string) {
    if (stage === card.stage) return;
    setBusy(true);
    setError('');
    try {
      await client.PATCH('/api/v1/applications/{id}', {
        params: { path: { id: card.applicationId } },
        body: { stage },
      });
      setNotice(`${card.candidate.name} moved to ${stage}.`);
      await load();
    } catch (e) {
      setError(messageOf(e, `Could not move ${card.candidate.name}.`));
    } finally {
      setBusy(false);
    }
  }

  if (!board) return error ? <Alerts error={error} notice="" /> : <p role="status">Loading…</p>;
  // The columns are the job's stages (then any other stage a card is in): a card moves to any of them.
  const stages = board.columns.map((c) => c.stage);
  return (
    <>
      <p>
        <a href="#/jobs">← Jobs</a>
      </p>
      <h1>Pipeline: {board.job.title}</h1>
      <Alerts error={error} notice={notice} />
      <div className="pipeline">
        {board.columns.map((column) => (
          <section key={column.stage} className="pipeline-column" aria-labelledby={`stage-${column.stage}`}>
            <h2 id={`stage-${column.stage}`}>
              {column.stage} ({column.cards.length})
            </h2>
            {column.cards.length === 0 && <p className="empty">Nobody here.</p>}
            <ul>
              {column.cards.map((card) => (
                <li
                  key={card.applicationId}
                  className={`card pipeline-card${card.followUp?.overdue ? ' overdue' : ''}`}
                >
                  <a href={`#/applications/${card.applicationId}`}>
                    <strong>{card.candidate.name}</strong>
                  </a>
                  <div className="meta">
                    {card.daysInStage} day{card.daysInStage === 1 ? '' : 's'} in stage
                    {card.status !== 'active' && ` · ${card.status.replace('_', ' ')}`}
                  </div>
                  {card.followUp ? (
                    <div>
                      {card.followUp.overdue && <span className="badge">Overdue</span>}{' '}
                      {KIND_WORDS[card.followUp.kind] ?? card.followUp.kind}:{' '}
                      <span title={when(card.followUp.dueAt)}>{card.followUp.dueWords}</span>
                    </div>
                  ) : (
                    <div className="meta">Nothing owed</div>
                  )}
                  <label>
                    Move to{' '}
                    <select
                      value={card.stage}
                      disabled={busy}
                      onChange={(e) => void move(card, e.target.value)}
                      aria-label={`Move ${card.candidate.name} to stage`}
                    >
                      {stages.map((s) => (
                        <option key={s} value={s}>
                          {s}
                        </option>
                      ))}
                    </select>
                  </label>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </>
  );
}
