/** An order id from the URL: anything but a positive integer is simply not an order. */
export function orderIdParam(param: string | undefined): number {
  const id = Number(param)
  if (!Number.isSafeInteger(id) || id <= 0) throw new Response('Not found', { status: 404 })
  return id
}

/** Database ids as we make them (cuid, or `acc_00001` in the demo data): letters, digits, _ and -. */
const RECORD_ID = /^[A-Za-z0-9_-]{1,40}$/

/**
 * A record id from the URL, or `status` (404 for a path, 400 for a query) when it cannot be one.
 * Anything that reaches a header or a file name goes through here first: a quote, a line break
 * or a character outside Latin-1 is refused, never echoed, never a 500.
 */
export function recordIdParam(param: string | null | undefined, status: 400 | 404 = 404): string {
  if (!param || !RECORD_ID.test(param))
    throw new Response(status === 404 ? 'Not found' : 'Bad request', { status })
  return param
}
