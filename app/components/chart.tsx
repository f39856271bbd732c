import { useEffect, useRef } from 'react'

export type ChartSeries = { label: string; data: number[]; color: string }

/**
 * A Chart.js chart, drawn in the browser only (Chart.js is loaded on demand, so it never weighs
 * on the storefront). The table next to each chart is the accessible, exportable version.
 */
export function Chart({
  type,
  title,
  labels,
  series,
  stacked = false,
  wholeNumbers = false,
}: {
  type: 'bar' | 'line' | 'doughnut'
  title: string
  labels: string[]
  series: ChartSeries[]
  stacked?: boolean
  /** Counts: no 0,5 on the axis. */
  wholeNumbers?: boolean
}) {
  const canvas = useRef<HTMLCanvasElement>(null)
  const key = JSON.stringify({ type, labels, series, stacked, wholeNumbers })
  useEffect(() => {
    let chart: { destroy(): void } | undefined
    let cancelled = false
    void import('chart.js/auto').then(({ default: ChartJs }) => {
      if (cancelled || !canvas.current) return
      const {
        type: kind,
        labels: names,
        series: data,
        stacked: stack,
        wholeNumbers: whole,
      } = JSON.parse(key) as {
        type: 'bar' | 'line' | 'doughnut'
        labels: string[]
        series: ChartSeries[]
        stacked: boolean
        wholeNumbers: boolean
      }
      chart = new ChartJs(canvas.current, {
        type: kind,
        data: {
          labels: names,
          datasets: data.map((s) => ({
            label: s.label,
            data: s.data,
            backgroundColor:
              kind === 'doughnut'
                ? ['#0f766e', '#f59e0b', '#dc2626', '#7f1d1d', '#94a3b8']
                : s.color,
            borderColor: s.color,
          })),
        },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          scales:
            kind === 'doughnut'
              ? {}
              : {
                  x: { stacked: stack },
                  y: {
                    stacked: stack,
                    beginAtZero: true,
                    ...(whole ? { ticks: { precision: 0 } } : {}),
                  },
                },
        },
      })
    })
    return () => {
      cancelled = true
      chart?.destroy()
    }
  }, [key])
  return (
    <div className="relative h-64">
      <canvas ref={canvas} role="img" aria-label={title} />
    </div>
  )
}
