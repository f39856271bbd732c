/** Reasons a cart change is refused; routes turn them into translated messages. */
export type CartProblem =
  | 'UNKNOWN_SKU'
  | 'UNAVAILABLE'
  | 'NOT_A_WHOLE_NUMBER'
  | 'NOT_POSITIVE'
  | 'TOO_LARGE'
  | 'NOT_PACK_MULTIPLE'
