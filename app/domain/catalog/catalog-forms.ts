/**
 * The back office's catalog forms (/admin/catalog): a product and a family. Shared by the
 * actions and the components (Conform); catalog-admin.server.ts adds the checks against the
 * database (a SKU nobody else has, a SKU that may still change, a family that exists).
 */
import { z } from 'zod'
import { imageUploadField } from '~/utils/image-upload-field'
import { centsToDecimalText } from '~/utils/money'
import {
  formMessage,
  moneyCents,
  optionalText,
  requiredText,
  wholeNumber,
} from '~/utils/form-schema'

/** SKUs as the storefront's search reads them: capitals, digits and . _ - / */
export const SKU_FORMAT = /^[A-Z0-9][A-Z0-9._\-/]*$/
export const MAX_PACK_SIZE = 100_000
export const MAX_STOCK = 1_000_000_000

const productFields = z.object({
  sku: requiredText(40, { upperCase: true }).refine(
    (sku) => !sku || SKU_FORMAT.test(sku),
    formMessage('catalogForm.skuFormat'),
  ),
  name: requiredText(200, { min: 2 }),
  description: optionalText(4000),
  familyId: requiredText(40),
  unit: requiredText(10, { upperCase: true }),
  packSize: requiredText(12).refine(
    (text) => !text || wholeNumber(text, 1, MAX_PACK_SIZE) !== null,
    formMessage('catalogForm.packSizeInvalid', { max: MAX_PACK_SIZE }),
  ),
  listPrice: requiredText(20).refine(
    (text) => !text || moneyCents(text, { min: 1 }) !== null,
    formMessage('catalogForm.listPriceInvalid'),
  ),
  stock: optionalText(12).refine(
    (text) => !text || wholeNumber(text, 0, MAX_STOCK) !== null,
    formMessage('catalogForm.stockInvalid'),
  ),
  active: z.boolean().optional(),
  // A new photo replaces the current one; "remove" drops it. Neither: the photo stays.
  image: imageUploadField(),
  removeImage: z.boolean().optional(),
})

/** What the form shows (a file field starts empty, so it has no value to show). */
export type ProductFormValues = Omit<z.input<typeof productFields>, 'image'>
type ProductFields = z.output<typeof productFields>

export type ProductInput = {
  sku: string
  name: string
  description: string
  familyId: string
  unit: string
  packSize: number
  listPriceCents: number
  stock: number | null
  active: boolean
  /** A new photo (checked again from its bytes on the server), or a request to remove it. */
  image?: File
  removeImage?: boolean
}

function toProductInput(values: ProductFields): ProductInput {
  return {
    sku: values.sku,
    name: values.name,
    description: values.description ?? '',
    familyId: values.familyId,
    unit: values.unit,
    packSize: wholeNumber(values.packSize, 1, MAX_PACK_SIZE)!,
    listPriceCents: moneyCents(values.listPrice, { min: 1 })!,
    stock: values.stock ? wholeNumber(values.stock, 0, MAX_STOCK) : null,
    active: values.active ?? false,
    ...(values.image ? { image: values.image } : {}),
    ...(values.removeImage ? { removeImage: true } : {}),
  }
}

export function productSchema(
  databaseChecks: (values: ProductFields, ctx: z.RefinementCtx) => void | Promise<void> = () => {},
) {
  return productFields.superRefine(databaseChecks).transform(toProductInput)
}

/** What the browser checks before sending. */
export const ProductSchema = productSchema()

export const NEW_PRODUCT_VALUES = {
  sku: '',
  name: '',
  description: '',
  familyId: '',
  unit: 'UN',
  packSize: '1',
  listPrice: '',
  stock: '',
  active: true,
} satisfies ProductFormValues

/** A stored product as the form shows it. */
export function productFormValues(product: {
  sku: string
  name: string
  description: string
  familyId: string
  unit: string
  packSize: number
  listPriceCents: number
  stock: number | null
  active: boolean
}): ProductFormValues {
  return {
    sku: product.sku,
    name: product.name,
    description: product.description,
    familyId: product.familyId,
    unit: product.unit,
    packSize: String(product.packSize),
    listPrice: centsToDecimalText(product.listPriceCents),
    stock: product.stock === null ? '' : String(product.stock),
    active: product.active,
  }
}

/** A family: its name and the family it sits under (none: a top-level family). */
export const FamilySchema = z.object({
  name: requiredText(120, { min: 2 }),
  parentId: optionalText(40),
})
export type FamilyInput = z.output<typeof FamilySchema>
