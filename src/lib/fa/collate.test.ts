import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { compareFa, persianSortKey, sortByFa } from './collate.ts'

describe('compareFa', () => {
  it('puts Persian-only letters in alphabet order, not code-point order', () => {
    assert.ok(compareFa('پرونده', 'تهران') < 0)
    assert.ok(compareFa('گواهی', 'ولی') < 0)
    assert.ok(compareFa('ژاله', 'سارا') < 0)
    assert.ok(compareFa('یاسر', 'چاپ') > 0)
    assert.equal(compareFa('کتاب', 'کتاب'), 0)
  })
})

describe('sortByFa', () => {
  it('sorts by key into a new array', () => {
    const words = ['یاسر', 'هرمزگان', 'ولی', 'گواهی', 'کتاب', 'ژاله', 'زنجان', 'چاپ', 'تهران']
    const items = [...words, 'پرونده', 'بانک', 'اداره', 'آب'].map((name) => ({ name }))
    const before = [...items]
    const sorted = sortByFa(items, (i) => i.name)
    assert.deepEqual(
      sorted.map((i) => i.name),
      [
        'آب',
        'اداره',
        'بانک',
        'پرونده',
        'تهران',
        'چاپ',
        'زنجان',
        'ژاله',
        'کتاب',
        'گواهی',
        'ولی',
        'هرمزگان',
        'یاسر',
      ],
    )
    assert.notEqual(sorted, items)
    assert.deepEqual(items, before)
  })

  it('is stable for equal keys', () => {
    const items = [
      { name: 'تهران', id: 1 },
      { name: 'آب', id: 2 },
      { name: 'تهران', id: 3 },
    ]
    assert.deepEqual(
      sortByFa(items, (i) => i.name).map((i) => i.id),
      [2, 1, 3],
    )
  })
})

describe('persianSortKey', () => {
  it('orders by the Persian alphabet under plain code-point comparison', () => {
    const names = ['ژاله', 'یاسمن', 'چمران', 'آرش', 'گلناز', 'پروین', 'زهرا', 'کاوه', 'بابک']
    const byKey = [...names].sort((a, b) => {
      const ka = persianSortKey(a)
      const kb = persianSortKey(b)
      return ka < kb ? -1 : ka > kb ? 1 : 0
    })
    assert.deepEqual(byKey, [
      'آرش',
      'بابک',
      'پروین',
      'چمران',
      'زهرا',
      'ژاله',
      'کاوه',
      'گلناز',
      'یاسمن',
    ])
  })

  it('sorts Arabic ي/ك spellings with their Persian forms', () => {
    assert.equal(persianSortKey('كتاب علي'), persianSortKey('کتاب علی'))
  })
})
