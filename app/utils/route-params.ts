/** An order id from the URL: anything but a positive integer is simply not an order. */
export function orderIdParam(param: string | undefined): number {
  const id = Number(param)
  if (!Number.isSafeInteger(id) || id <= 0) throw new Response('Not found', { status: 404 })
  return id
}
