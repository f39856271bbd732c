/**
 * Which Stripe payment methods Checkout offers: the settings page's form, shared by its action
 * and its component (Conform).
 */
import { z } from 'zod'
import { formMessage } from '~/utils/form-schema'
import { STRIPE_METHODS } from './payment-state'

const AT_LEAST_ONE = formMessage('settings.methodsInvalid')

export const PaymentMethodsSchema = z.object({
  methods: z
    .array(z.enum(STRIPE_METHODS, { errorMap: () => ({ message: AT_LEAST_ONE }) }))
    .max(STRIPE_METHODS.length, AT_LEAST_ONE)
    .default([])
    .refine((methods) => methods.length > 0, AT_LEAST_ONE)
    .transform((methods) => [...new Set(methods)]),
})
