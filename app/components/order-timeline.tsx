import { type TimelineStep } from '~/domain/orders/order-tracking'
import { useT } from '~/utils/use-t'

/** Where the order is on its way: each step, when it was reached, its invoice or tracking code. */
export function OrderTimeline({ steps }: { steps: TimelineStep[] }) {
  const { t, date } = useT()
  const current = steps.reduce((last, step, index) => (step.reached ? index : last), 0)
  return (
    <section aria-labelledby="timeline-heading" className="space-y-2">
      <h2 id="timeline-heading" className="text-lg font-semibold">
        {t('tracking.timeline')}
      </h2>
      <ol className="grid gap-2 sm:grid-cols-5" data-testid="order-timeline">
        {steps.map((step, index) => (
          <li
            key={step.status}
            data-testid="timeline-step"
            data-status={step.status}
            data-reached={step.reached}
            aria-current={index === current ? 'step' : undefined}
            className={`rounded border p-2 text-sm ${
              step.status === 'CANCELLED'
                ? 'border-red-300 bg-red-50'
                : step.reached
                  ? 'border-emerald-300 bg-emerald-50'
                  : 'border-slate-200 bg-white text-slate-600'
            }`}
          >
            <span className="block font-semibold">
              <span aria-hidden="true">{step.reached ? '✓ ' : '○ '}</span>
              {t(`orderStatus.${step.status}`)}
            </span>
            <span className="block text-xs">
              {step.at
                ? date(step.at, 'datetime')
                : step.reached
                  ? t('tracking.done')
                  : t('tracking.pending')}
            </span>
            {step.detail ? (
              <span className="block text-xs font-medium" data-testid="timeline-detail">
                {step.status === 'INVOICED'
                  ? t('tracking.invoiceDetail', { number: step.detail })
                  : t('tracking.trackingDetail', { code: step.detail })}
              </span>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  )
}
