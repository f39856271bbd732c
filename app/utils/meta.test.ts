import fs from 'node:fs'
import path from 'node:path'
import type { MetaArgs } from '@remix-run/node'
import { namedTitle, pageTitle } from './meta'

function matchesWith(data: unknown): MetaArgs['matches'] {
  return [{ id: 'root', data }] as unknown as MetaArgs['matches']
}

describe('page titles', () => {
  it('are in the visitor’s language, followed by the company’s name', () => {
    const brand = { companyName: 'Cimentos Aurora' }
    expect(pageTitle(matchesWith({ locale: 'en', brand }), 'title.cart')).toBe(
      'Cart · Cimentos Aurora',
    )
    expect(pageTitle(matchesWith({ locale: 'pt-BR', brand }), 'title.cart')).toBe(
      'Carrinho · Cimentos Aurora',
    )
    expect(namedTitle(matchesWith({ locale: 'en', brand }), 'Cimento CP-II')).toBe(
      'Cimento CP-II · Cimentos Aurora',
    )
    expect(namedTitle(matchesWith({ locale: 'en', brand }), null)).toBe('Cimentos Aurora')
  })

  it('are never written as literal text in a route', () => {
    const routes = path.join(__dirname, '..', 'routes')
    const literal = /\btitle:\s*['`"]/
    const offenders = fs
      .readdirSync(routes)
      .filter((file) => file.endsWith('.tsx'))
      .filter((file) => {
        const source = fs.readFileSync(path.join(routes, file), 'utf8')
        const meta = source.match(/export const meta[\s\S]*?\n\n/)
        return meta ? literal.test(meta[0]) : false
      })
    expect(offenders).toEqual([])
  })
})
