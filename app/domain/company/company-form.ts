/**
 * The company's name as the settings page and the set-up page take it (Conform): the name the
 * portal, the login page and the emails show instead of "Reativa".
 */
import { z } from 'zod'
import { requiredText } from '~/utils/form-schema'

/** What an install that never named its company (the demo) shows. */
export const DEFAULT_COMPANY_NAME = 'Reativa'
export const MAX_COMPANY_NAME = 80

export const companyNameField = requiredText(MAX_COMPANY_NAME, { min: 2 })

export const CompanySchema = z.object({ companyName: companyNameField })
