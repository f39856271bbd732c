/** The page to show of `total` rows: clamped to what exists, with its skip and take. */
export function pageWindow(total: number, requestedPage: number | undefined, size: number) {
  const pageCount = Math.max(1, Math.ceil(total / size))
  const wanted = Number.isFinite(requestedPage) ? Math.floor(requestedPage!) : 1
  const page = Math.min(Math.max(1, wanted), pageCount)
  return { page, pageCount, skip: (page - 1) * size, take: size }
}
