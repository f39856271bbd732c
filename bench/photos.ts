/**
 * Product photos in `npm run bench` (started from bench/measure.ts, in its process): the same
 * catalog pages measured with a photo on every product, side by side with the placeholders
 * measured just before; then the image route, a variant made for the first time (resized,
 * stored) and served again (from the database). The photos are removed afterwards, so the
 * dataset stays as it was for the next run.
 */
import sharp from 'sharp'
import type { Db } from '../app/utils/db.server'
import { median, percentile, type Figure } from './figures'

type Sample = { ms: number; queries: number; status: number }
type Request = (method: 'GET', url: string, cookie: string) => Promise<Sample & { text: string }>

const PHOTOS = 12
const COLOURS = ['#78716c', '#b45309', '#1d4ed8', '#0f766e', '#be123c', '#4d7c0f']

/** A photo-like picture (a gradient block with a band), 800 × 800, as a camera would send. */
async function picture(index: number): Promise<Buffer> {
  const colour = COLOURS[index % COLOURS.length]!
  const band = await sharp({
    create: { width: 800, height: 160 + index * 10, channels: 3, background: '#f1f5f9' },
  })
    .png()
    .toBuffer()
  return sharp({ create: { width: 800, height: 800, channels: 3, background: colour } })
    .composite([{ input: band, top: 300, left: 0 }])
    .jpeg({ quality: 85 })
    .toBuffer()
}

export async function benchPhotos({
  db,
  request,
  cookie,
  catalogPage,
  requests,
  warmup,
}: {
  db: Db
  request: Request
  cookie: string
  /** The catalog scenario's URL for its i-th request. */
  catalogPage: (i: number) => string
  requests: number
  warmup: number
}): Promise<{ rows: Record<string, string | number>[]; figures: Figure[] }> {
  const { checkImage, storeImage } = await import('../app/utils/images.server')
  const fileIds: string[] = []
  for (let i = 0; i < PHOTOS; i++) {
    const checked = await checkImage(await picture(i), `foto-${i}.jpg`)
    if (!checked.ok) throw new Error(`The bench photo was refused: ${checked.message}`)
    const file = await db.$transaction((tx) => storeImage(tx, checked.image))
    fileIds.push(file.id)
  }
  const products = await db.product.findMany({ select: { id: true }, orderBy: { id: 'asc' } })
  const rows: Record<string, string | number>[] = []
  const figures: Figure[] = []
  const figure = (name: string, value: number, unit: string, digits: number) =>
    figures.push({ section: 'storefront', name, value, unit, digits })
  try {
    for (let f = 0; f < fileIds.length; f++) {
      const ids = products.filter((_, i) => i % fileIds.length === f).map((p) => p.id)
      await db.product.updateMany({ where: { id: { in: ids } }, data: { imageFileId: fileIds[f] } })
    }

    // The catalog, every product with a photo.
    for (let i = 0; i < warmup; i++) await request('GET', catalogPage(i), cookie)
    const samples: Sample[] = []
    for (let i = 0; i < requests; i++) samples.push(await request('GET', catalogPage(i), cookie))
    const times = samples.map((s) => s.ms).sort((a, b) => a - b)
    const sql = median(samples.map((s) => s.queries))
    rows.push({
      scenario: 'catalog page, every product with a photo',
      requests: samples.length,
      status: [...new Set(samples.map((s) => s.status))].join('/'),
      'p50 ms': percentile(times, 50).toFixed(1),
      'p95 ms': percentile(times, 95).toFixed(1),
      'SQL/request (median)': sql,
    })
    figure('catalog page with photos: p50', percentile(times, 50), 'ms', 1)
    figure('catalog page with photos: p95', percentile(times, 95), 'ms', 1)
    figure('catalog page with photos: SQL/request (median)', sql, '', 0)

    // The image route: each photo's 320 px variant made once (resized, stored), then served.
    const first: number[] = []
    for (const id of fileIds) {
      const made = await request('GET', `/images/${id}/320.webp`, cookie)
      if (made.status !== 200) throw new Error(`/images/${id}/320.webp answered ${made.status}`)
      first.push(made.ms)
    }
    const served: number[] = []
    for (let i = 0; i < requests; i++) {
      served.push((await request('GET', `/images/${fileIds[i % PHOTOS]}/320.webp`, cookie)).ms)
    }
    served.sort((a, b) => a - b)
    rows.push({
      scenario: 'photo 320 px: first request (resized and stored)',
      requests: first.length,
      status: 200,
      'p50 ms': median(first).toFixed(1),
      'p95 ms': percentile(
        [...first].sort((a, b) => a - b),
        95,
      ).toFixed(1),
      'SQL/request (median)': '',
    })
    rows.push({
      scenario: 'photo 320 px: served again (stored variant)',
      requests: served.length,
      status: 200,
      'p50 ms': percentile(served, 50).toFixed(1),
      'p95 ms': percentile(served, 95).toFixed(1),
      'SQL/request (median)': '',
    })
    figure('photo variant, first request (median)', median(first), 'ms', 1)
    figure('photo variant, served again: p95', percentile(served, 95), 'ms', 1)
  } finally {
    await db.product.updateMany({
      where: { imageFileId: { in: fileIds } },
      data: { imageFileId: null },
    })
    await db.storedFile.deleteMany({ where: { id: { in: fileIds } } })
  }
  return { rows, figures }
}
