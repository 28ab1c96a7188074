/** Webhooks in words: the events an endpoint can pick and the states of a delivery. */
import type { Schema } from './api.ts';

/** A registered endpoint. */
export type Endpoint = Schema<'WebhookEndpoint'>;
/** One delivery of an event to an endpoint. */
export type Delivery = Schema<'WebhookDelivery'>;
/** An event type an endpoint can pick. */
export type EventType = Endpoint['events'][number];

/** The events an endpoint can pick (WEBHOOK_EVENTS in src/domain/webhooks.ts), in words. */
export const EVENTS: { type: EventType; label: string }[] = [
  { type: 'interview.closed', label: 'Interview closed (with its promise)' },
  { type: 'promise.due_soon', label: 'Promise due soon' },
  { type: 'promise.broken', label: 'Promise broken' },
  { type: 'promise.escalated', label: 'Promise escalated' },
  { type: 'outcome.delivered', label: 'Outcome delivered' },
  { type: 'decision.recorded', label: 'Decision recorded' },
  { type: 'candidate.replied', label: 'Candidate replied' },
  { type: 'candidate.withdrew', label: 'Candidate withdrew' },
  { type: 'client_feedback.received', label: 'Client feedback received' },
];

/** A delivery's status, in words. */
export const STATUS_WORDS: Record<Delivery['status'], string> = {
  pending: 'waiting to be sent',
  delivering: 'being sent',
  delivered: 'delivered',
  failed: 'failed',
};
