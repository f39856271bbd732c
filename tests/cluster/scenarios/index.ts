import { type Scenario } from '../report'
import { campaignSentOncePaced, sendSurvivesKilledWorker } from './campaigns'
import { couponLimitUnderRace, doubleSubmittedCheckouts } from './checkout'
import { dailyPassOnce } from './daily-pass'
import { importSurvivesKilledWorker } from './import'
import { loginLimitAcrossInstances } from './login'

export { makeDailyPassDue } from './daily-pass'

/** In this order: the kills come last, after the scenarios that want two healthy workers. */
export const scenarios: Scenario[] = [
  doubleSubmittedCheckouts,
  couponLimitUnderRace,
  campaignSentOncePaced,
  loginLimitAcrossInstances,
  dailyPassOnce,
  sendSurvivesKilledWorker,
  importSurvivesKilledWorker,
]
