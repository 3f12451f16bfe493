import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { z } from 'zod'
import {
  classificationForm,
  detailsForm,
  feeItemForm,
  parseFields,
  parseWholeNumber,
  SECTION_FORMS,
  sectionValues,
  timeForm,
} from './editor.input.ts'
import {
  addItem,
  changedFields,
  FORM_SECTIONS,
  itemFingerprint,
  removeItem,
  replaceItem,
} from './editor.model.ts'
import { editorMsg as em, msg } from './messages.fa.ts'
import { emptyContent, type ServiceContent } from './service.model.ts'

describe('parseWholeNumber', () => {
  it('reads every digit script with thousands separators', () => {
    assert.equal(parseWholeNumber('۱۲٬۰۰۰'), 12000)
    assert.equal(parseWholeNumber('12,000'), 12000)
    assert.equal(parseWholeNumber('١٢٠٠٠'), 12000)
    assert.equal(parseWholeNumber(' ۱۲ ۰۰۰ '), 12000)
    assert.equal(parseWholeNumber(''), null)
  })

  it('refuses what is not a whole number', () => {
    for (const s of ['1.5', '۱٫۵', '-5', 'دوازده', '1e3', '99999999999999999'])
      assert.equal(parseWholeNumber(s), undefined, s)
  })
})

describe('section forms', () => {
  it('turn empty fields into null and report each problem on its own field', () => {
    const ok = parseFields(detailsForm, { frequencyKind: '', inPersonVisits: '', contactPhone: '' })
    assert.ok(ok.ok)
    assert.equal(ok.data.frequency, null)
    assert.equal(ok.data.inPersonVisits, null)
    assert.deepEqual(ok.data.contact, { phone: null, email: null, url: null })
    const bad = parseFields(detailsForm, {
      inPersonVisits: 'x',
      contactEmail: 'x@',
      nationalServiceCode: '۱۲',
    })
    assert.ok(!bad.ok)
    assert.equal(bad.errors.inPersonVisits, msg.visitsInvalid)
    assert.match(bad.errors.contactEmail ?? '', /رایانامه/)
    assert.equal(bad.errors.nationalServiceCode, msg.nationalCodeInvalid)
  })

  it('builds the frequency and the declared time from their fields', () => {
    const per = parseFields(detailsForm, { frequencyKind: 'per_period', frequencyTimes: '۳' })
    assert.ok(!per.ok)
    assert.equal(per.errors.frequencyPer, em.frequencyPerRequired)
    const upTo = parseFields(timeForm, {
      timeKind: 'up_to',
      timeMax: '۱۰',
      timeUnit: 'calendar_day',
    })
    assert.deepEqual(upTo.ok && upTo.data, {
      declaredTime: { kind: 'up_to', max: 10, unit: 'calendar_day' },
    })
    const missing = parseFields(timeForm, { timeKind: 'fixed' })
    assert.ok(!missing.ok)
    assert.deepEqual(missing.errors, {
      timeValue: msg.numberInvalid,
      timeUnit: em.timeUnitRequired,
    })
  })

  it('keeps each checkbox value once and refuses unknown choices', () => {
    const ok = parseFields(classificationForm, { audiences: ['G2C', 'G2C'], lifeEvents: 'birth' })
    assert.deepEqual(ok.ok && [ok.data.audiences, ok.data.lifeEvents], [['G2C'], ['birth']])
    const bad = parseFields(classificationForm, { audiences: ['G2X'] })
    assert.equal(!bad.ok && bad.errors.audiences, em.choiceInvalid)
  })

  it('round-trips a card through the forms unchanged', () => {
    const c: ServiceContent = {
      ...emptyContent('عنوان'),
      popularNames: ['نام یک', 'نام دو'],
      summary: 'خلاصه',
      description: 'شرح\nسطر دوم',
      audiences: ['G2B'],
      nature: 'enterprise',
      frequency: { kind: 'per_period', times: 4, per: 'month' },
      inPersonVisits: 0,
      contact: { phone: '021-88123456', email: null, url: 'https://x.gov.ir' },
      nationalServiceCode: '1234',
      declaredTime: { kind: 'fixed', value: 15, unit: 'working_day' },
    }
    for (const section of FORM_SECTIONS) {
      const form: z.ZodType<Partial<ServiceContent>> = SECTION_FORMS[section]
      const parsed = parseFields(form, sectionValues(section, c))
      assert.ok(parsed.ok, section)
      assert.deepEqual({ ...c, ...parsed.data }, c, section)
    }
  })

  it('reads fee amounts and requires a currency', () => {
    const fee = parseFields(feeItemForm, { amount: '۲۵٬۰۰۰', currency: 'IRT', description: 'تمبر' })
    assert.deepEqual(fee.ok && fee.data, { amount: 25000, currency: 'IRT', description: 'تمبر' })
    const bad = parseFields(feeItemForm, { amount: '', description: 'تمبر' })
    assert.deepEqual(!bad.ok && bad.errors, {
      amount: msg.amountInvalid,
      currency: em.currencyRequired,
    })
  })
})

describe('list changes', () => {
  const fee = (description: string) => ({ amount: 1, currency: 'IRR' as const, description })
  const card = { ...emptyContent('x'), fees: [fee('a'), fee('b'), fee('c')] }

  it('find the item that was opened even after the list changed', () => {
    const b = itemFingerprint(fee('b'))
    const shifted = { ...card, fees: [fee('b'), fee('c')] }
    assert.deepEqual(
      replaceItem('fees', 1, b, fee('B'))(shifted).fees.map((f) => f.description),
      ['B', 'c'],
    )
    assert.deepEqual(
      removeItem('fees', 1, b)(shifted).fees.map((f) => f.description),
      ['c'],
    )
  })

  it('keep an edit of an item someone removed, and ignore removing it twice', () => {
    const gone = itemFingerprint(fee('z'))
    assert.deepEqual(
      replaceItem('fees', 0, gone, fee('Z'))(card).fees.map((f) => f.description),
      ['a', 'b', 'c', 'Z'],
    )
    assert.equal(removeItem('fees', 0, gone)(card), card)
  })

  it('clear «no documents required» when a document is added', () => {
    const none = { ...emptyContent('x'), noDocumentsRequired: true }
    const doc = {
      name: 'شناسنامه',
      form: 'copy' as const,
      count: 1,
      issuer: null,
      obtainableByInquiry: false,
      note: null,
    }
    assert.equal(addItem('documents', doc)(none).noDocumentsRequired, false)
  })
})

describe('changedFields', () => {
  it('keeps only the fields that differ from the form as it was opened', () => {
    const opened = {
      title: 'الف',
      summary: 'خلاصه',
      contact: { phone: null, email: 'a@b.ir', url: null },
    }
    const base = (f: string) =>
      f in opened ? itemFingerprint(opened[f as keyof typeof opened]) : undefined
    const patch = {
      title: 'الف',
      summary: 'خلاصهٔ تازه',
      // The same value with its keys in another order is unchanged.
      contact: { url: null, email: 'a@b.ir', phone: null },
      description: 'بدون پایه',
    }
    assert.deepEqual(changedFields(patch, base), {
      summary: 'خلاصهٔ تازه',
      description: 'بدون پایه',
    })
  })
})
