/** CNPJ: the Brazilian company registry number. Stored as 14 digits, shown punctuated. */

function checkDigit(digits: readonly number[]): number {
  // Weights run 2..9 from the right, then start again at 2.
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    const weight = ((digits.length - 1 - i) % 8) + 2
    sum += digits[i]! * weight
  }
  const rest = sum % 11
  return rest < 2 ? 0 : 11 - rest
}

/** The 14 digits of a valid CNPJ (punctuation ignored), or null if it is not one. */
export function normalizeCnpj(input: string): string | null {
  if (!/^[\d.\-/\s]+$/.test(input.trim())) return null
  const digits = input.replace(/\D/g, '')
  if (digits.length !== 14 || /^(\d)\1{13}$/.test(digits)) return null
  const numbers = [...digits].map(Number)
  const first = checkDigit(numbers.slice(0, 12))
  const second = checkDigit([...numbers.slice(0, 12), first])
  return numbers[12] === first && numbers[13] === second ? digits : null
}

export function isValidCnpj(input: string): boolean {
  return normalizeCnpj(input) !== null
}

/** 12345678000195 -> 12.345.678/0001-95 */
export function formatCnpj(digits: string): string {
  return digits.replace(/^(\d{2})(\d{3})(\d{3})(\d{4})(\d{2})$/, '$1.$2.$3/$4-$5')
}

/** Completes the first 12 digits with their check digits (demo data and tests). */
export function cnpjFromBase(base12: string): string {
  if (!/^\d{12}$/.test(base12)) throw new Error('A CNPJ base has 12 digits')
  const numbers = [...base12].map(Number)
  const first = checkDigit(numbers)
  const second = checkDigit([...numbers, first])
  return `${base12}${first}${second}`
}
