// The application screen's panels, each in its own file; re-exported here for the screens that
// import them from this module.
export { Signals } from './CandidateSignals.tsx';
export { FeedbackForm } from './FeedbackForm.tsx';
export { LogContact } from './LogContact.tsx';
export { PoolInvitationPanel } from './PoolInvitationPanel.tsx';
