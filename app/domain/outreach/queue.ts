/**
 * The call queue's reasons and rules (./queue.server.ts builds the queue), shared with the
 * page that shows them.
 */

/** Why an account is in the queue, most pressing first. */
export const QUEUE_REASONS = [
  'CALL_BACK',
  'EMAIL_BOUNCED',
  'CLICKED_NOT_ORDERED',
  'NEWLY_INACTIVE',
  'NEWLY_AT_RISK',
  'INVITED_NOT_CLICKED',
  'OVERDUE',
] as const
export type QueueReason = (typeof QUEUE_REASONS)[number]

/** A reason as a URL gives it (`?reason=`), or null for any. */
export function queueReasonParam(value: string | null): QueueReason | null {
  return (QUEUE_REASONS as readonly string[]).includes(value ?? '') ? (value as QueueReason) : null
}

export const QUEUE_RULES = {
  CLICKED_WAIT_DAYS: 2,
  NO_CLICK_DAYS: 3,
  NEWLY_DAYS: 14,
  INVITATION_WINDOW_DAYS: 30,
  WORKED_DAYS: 7,
  NOT_INTERESTED_DAYS: 90,
} as const
