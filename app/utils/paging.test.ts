import { pageWindow } from './paging'

describe('pageWindow', () => {
  it.each([
    [0, 1, { page: 1, pageCount: 1, skip: 0 }],
    [100, 2, { page: 2, pageCount: 4, skip: 25 }],
    [100, 99, { page: 4, pageCount: 4, skip: 75 }],
    [100, -3, { page: 1, pageCount: 4, skip: 0 }],
    [100, Number.NaN, { page: 1, pageCount: 4, skip: 0 }],
    [100, 2.7, { page: 2, pageCount: 4, skip: 25 }],
  ])('with %i rows, asked for page %s', (total, requested, expected) => {
    expect(pageWindow(total, requested, 25)).toEqual({ ...expected, take: 25 })
  })
})
