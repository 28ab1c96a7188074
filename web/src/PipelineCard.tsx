import { type Schema } from './api.ts';
import { when } from './format.ts';
import { KIND_WORDS } from './QueueRow.tsx';

/** One candidate's card on a job's pipeline, as `GET /jobs/{id}/pipeline` gives it. */
export type PipelineCard = Schema<'JobPipeline'>['columns'][number]['cards'][number];

/** A pipeline card: the candidate, days in the stage, the next follow-up owed and its "Move to" select. */
export function PipelineCardItem({
  card,
  stages,
  busy,
  onMove,
}: {
  card: PipelineCard;
  stages: string[];
  busy: boolean;
  onMove: (card: PipelineCard, stage: string) => void;
}) {
  return (
    <li className={`card pipeline-card${card.followUp?.overdue ? ' overdue' : ''}`}>
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
          onChange={(e) => onMove(card, e.target.value)}
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
  );
}
