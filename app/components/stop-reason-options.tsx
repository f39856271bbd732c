import { STOP_REASONS } from '~/domain/outreach/stop-reason-form'
import { useT } from '~/utils/use-t'

/** The reasons for stopping as a select's options, after a first empty one labelled `none`. */
export function StopReasonOptions({ none }: { none: string }) {
  const { t } = useT()
  return (
    <>
      <option value="">{none}</option>
      {STOP_REASONS.map((reason) => (
        <option key={reason} value={reason}>
          {t(`outreach.reason.${reason}`)}
        </option>
      ))}
    </>
  )
}
