import { lazy } from 'react';
import type { Session } from './api.ts';
import { homeOf } from './nav.ts';

// One chunk per screen: signing in and the first screen load only what they show.
const FollowUpsScreen = lazy(() =>
  import('./FollowUpsScreen.tsx').then((m) => ({ default: m.FollowUpsScreen })),
);
const ApplicationScreen = lazy(() =>
  import('./ApplicationScreen.tsx').then((m) => ({ default: m.ApplicationScreen })),
);
const CandidateScreen = lazy(() =>
  import('./CandidateScreen.tsx').then((m) => ({ default: m.CandidateScreen })),
);
const JobsScreen = lazy(() => import('./JobsScreen.tsx').then((m) => ({ default: m.JobsScreen })));
const ToSendScreen = lazy(() => import('./ToSendScreen.tsx').then((m) => ({ default: m.ToSendScreen })));
const PipelineScreen = lazy(() =>
  import('./PipelineScreen.tsx').then((m) => ({ default: m.PipelineScreen })),
);
const ReportsScreen = lazy(() => import('./ReportsScreen.tsx').then((m) => ({ default: m.ReportsScreen })));
const DeskScreen = lazy(() => import('./DeskScreen.tsx').then((m) => ({ default: m.DeskScreen })));
const TalentPoolScreen = lazy(() =>
  import('./TalentPoolScreen.tsx').then((m) => ({ default: m.TalentPoolScreen })),
);
const InboxScreen = lazy(() => import('./InboxScreen.tsx').then((m) => ({ default: m.InboxScreen })));
const ImportScreen = lazy(() => import('./ImportScreen.tsx').then((m) => ({ default: m.ImportScreen })));
const ScorecardsScreen = lazy(() =>
  import('./ScorecardsScreen.tsx').then((m) => ({ default: m.ScorecardsScreen })),
);
const WaitingOnMeScreen = lazy(() =>
  import('./WaitingOnMeScreen.tsx').then((m) => ({ default: m.WaitingOnMeScreen })),
);
const SettingsScreen = lazy(() =>
  import('./SettingsScreen.tsx').then((m) => ({ default: m.SettingsScreen })),
);

/** Where the route points: an application, a candidate, a job's pipeline, or a screen by path. */
export interface Place {
  path: string;
  query: string;
  applicationId?: string;
  candidateId?: string;
  pipelineJobId?: string;
  /** The application's next step to open (`?next=`). */
  next?: string;
  /** A screen that is not the member's to use. */
  refused: boolean;
}

/** The screen for a place (inside the app's Suspense: each loads its own chunk). */
export function RouteScreen({ place, session }: { place: Place; session: Session }) {
  const { path, query } = place;
  if (place.refused)
    return (
      <>
        <h1>Not part of your role</h1>
        <p>
          This screen is for other roles. <a href={`#${homeOf(session.member.role)}`}>Back to your home</a>
        </p>
      </>
    );
  if (place.applicationId)
    return (
      <ApplicationScreen
        key={place.applicationId}
        applicationId={place.applicationId}
        session={session}
        next={place.next}
      />
    );
  if (place.candidateId)
    return <CandidateScreen key={place.candidateId} candidateId={place.candidateId} session={session} />;
  if (place.pipelineJobId) return <PipelineScreen key={place.pipelineJobId} jobId={place.pipelineJobId} />;
  switch (path) {
    case '/reports':
      return <ReportsScreen />;
    case '/settings':
      return <SettingsScreen />;
    case '/import':
      return <ImportScreen />;
    case '/to-send':
      return <ToSendScreen />;
    case '/inbox':
      return <InboxScreen />;
    case '/talent-pool':
      return <TalentPoolScreen query={query} />;
    case '/desk':
      return <DeskScreen />;
    case '/jobs':
      return <JobsScreen session={session} />;
    case '/scorecards':
      return <ScorecardsScreen session={session} />;
    case '/waiting':
      return <WaitingOnMeScreen session={session} />;
    default:
      return <FollowUpsScreen session={session} query={query} />;
  }
}
