import { imageSrc, imageSrcSet } from '~/utils/images'
import { useBranding } from '~/utils/use-company'

/**
 * The company's logo at `height` CSS pixels (its width from its proportions, at most
 * `maxWidth`), or its name as text when it has none. Loaded at once: it is at the top.
 */
export function CompanyLogo({
  height,
  maxWidth,
  textClassName,
}: {
  height: number
  maxWidth: number
  textClassName: string
}) {
  const { companyName, logo } = useBranding()
  if (!logo) {
    return (
      <span className={textClassName} data-testid="company-name">
        {companyName}
      </span>
    )
  }
  const width = Math.min(maxWidth, Math.round((height * logo.width) / logo.height))
  const shownHeight = Math.round((width * logo.height) / logo.width)
  return (
    <img
      src={imageSrc(logo.fileId, width <= 160 ? 160 : 480)}
      srcSet={imageSrcSet(logo.fileId, [160, 240, 320, 480, 640])}
      sizes={`${width}px`}
      width={width}
      height={shownHeight}
      alt={companyName}
      className="block object-contain"
      data-testid="company-logo"
    />
  )
}
