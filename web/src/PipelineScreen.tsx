import { useCallback, useEffect, useState } from 'react';
import { Alerts } from './Alerts.tsx';
import { client, dataOf, messageOf, type Schema } from './api.ts';
import { PipelineCardItem, type PipelineCard } from './PipelineCard.tsx';

/** `GET /jobs/{id}/pipeline`, as the generated API types say. */
type JobPipeline = Schema<'JobPipeline'>;

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
                <PipelineCardItem
                  key={card.applicationId}
                  card={card}
                  stages={stages}
                  busy={busy}
                  onMove={(c, stage) => void move(c, stage)}
                />
              ))}
            </ul>
          </section>
        ))}
      </div>
    </>
  );
}
