import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { checkboxes } from './checkboxes.ts'
import { csrfField } from './csrf.ts'
import { dateInput } from './date-input.ts'
import { errorSummary } from './error-summary.ts'
import {
  errorListFromFieldErrors,
  type FieldErrors,
  fieldError,
  hasErrors,
} from './field-errors.ts'
import { passwordInput } from './password-input.ts'
import { radios } from './radios.ts'
import { select } from './select.ts'
import { load, renderToString } from './testing.ts'
import { textInput } from './text-input.ts'
import { textarea } from './textarea.ts'

const XSS = '<script>alert(1)</script>'

describe('textInput', () => {
  it('escapes a script in the label, hint, error and value', async () => {
    const out = await renderToString(
      textInput({
        name: 'title',
        label: { text: XSS },
        hint: { text: XSS },
        errorMessage: { text: XSS },
        value: `"${XSS}`,
      }),
    )
    assert.doesNotMatch(out, /<script/)
    const $ = await load(textInput({ name: 'title', label: { text: XSS }, value: `"${XSS}` }))
    assert.equal($('label').text(), XSS)
    assert.equal($('input').attr('value'), `"${XSS}`)
  })

  it('wires aria-describedby to the hint and error, and marks the input invalid', async () => {
    const $ = await load(
      textInput({
        name: 'national-code',
        label: { text: 'کد ملی' },
        hint: { text: '۱۰ رقم' },
        errorMessage: { text: 'کد ملی را وارد کنید' },
        describedBy: 'extra',
        inputmode: 'numeric',
        autocomplete: 'off',
        dir: 'ltr',
      }),
    )
    const input = $('input')
    assert.equal(input.attr('id'), 'national-code')
    assert.equal(input.attr('aria-describedby'), 'extra national-code-hint national-code-error')
    assert.equal(input.attr('aria-invalid'), 'true')
    assert.equal(input.attr('dir'), 'ltr')
    assert.equal(input.attr('inputmode'), 'numeric')
    assert.equal(input.attr('autocomplete'), 'off')
    assert.equal($('#national-code-hint').text(), '۱۰ رقم')
    assert.match($('#national-code-error').text(), /خطا:.*کد ملی را وارد کنید/)
    assert.equal($('#national-code-error .mr-visually-hidden').length, 1)
    assert.ok($('.mr-form-group').hasClass('mr-form-group--error'))
    assert.ok(input.hasClass('mr-input--error'))
    assert.equal($('label').attr('for'), 'national-code')
  })

  it('has no aria-describedby or aria-invalid without hint and error', async () => {
    const $ = await load(textInput({ name: 'q', id: 'search', label: { text: 'جست‌وجو' } }))
    assert.equal($('input').attr('aria-describedby'), undefined)
    assert.equal($('input').attr('aria-invalid'), undefined)
    assert.equal($('input').attr('type'), 'text')
    assert.equal($('label').attr('for'), 'search')
  })

  it('puts a page-heading label in an h1', async () => {
    const $ = await load(textInput({ name: 'x', label: { text: 'عنوان', isPageHeading: true } }))
    assert.equal($('h1 > label[for=x]').text(), 'عنوان')
  })
})

describe('textarea, select and password input', () => {
  it('escapes textarea content and wires the error', async () => {
    const $ = await load(
      textarea({
        name: 'desc',
        label: { text: 'شرح' },
        value: XSS,
        errorMessage: { text: 'خالی' },
      }),
    )
    assert.equal($('textarea').text(), XSS)
    assert.equal($('textarea').attr('aria-describedby'), 'desc-error')
    assert.equal($('#desc-error').length, 1)
  })

  it('selects the given value and escapes option text', async () => {
    const $ = await load(
      select({
        name: 'p',
        label: { text: 'استان' },
        value: 'b',
        items: [
          { value: 'a', text: XSS },
          { value: 'b', text: 'ب' },
        ],
      }),
    )
    assert.equal($('option[selected]').attr('value'), 'b')
    assert.equal($('option').first().text(), XSS)
  })

  it('renders a password input with a hidden toggle for progressive enhancement', async () => {
    const $ = await load(passwordInput({ name: 'password', label: { text: 'گذرواژه' } }))
    assert.equal($('input').attr('type'), 'password')
    assert.equal($('input').attr('autocomplete'), 'current-password')
    const toggle = $('button.mr-password-input__toggle')
    assert.equal(toggle.attr('type'), 'button')
    assert.equal(toggle.attr('aria-controls'), 'password')
    assert.notEqual(toggle.attr('hidden'), undefined)
  })
})

describe('radios and checkboxes', () => {
  it('gives the first item the group id, checks the value and wires the fieldset', async () => {
    const $ = await load(
      radios({
        name: 'audience',
        fieldset: { legend: { text: XSS } },
        hint: { text: 'یکی' },
        errorMessage: { text: 'انتخاب کنید' },
        value: 'b',
        items: [
          { value: 'a', text: 'الف', hint: { text: 'توضیح' } },
          { value: 'b', text: 'ب' },
        ],
      }),
    )
    assert.equal($('legend').text(), XSS)
    assert.equal($('fieldset').attr('aria-describedby'), 'audience-hint audience-error')
    const inputs = $('input[type=radio]')
    assert.equal(inputs.eq(0).attr('id'), 'audience')
    assert.equal(inputs.eq(1).attr('id'), 'audience-2')
    assert.equal(inputs.eq(0).attr('aria-describedby'), 'audience-item-hint')
    assert.equal($('#audience-item-hint').text(), 'توضیح')
    assert.equal($('input[checked]').attr('value'), 'b')
    assert.equal($('label[for="audience-2"]').text(), 'ب')
  })

  it('checks every submitted checkbox value', async () => {
    const $ = await load(
      checkboxes({
        name: 'ch',
        values: ['x', 'z'],
        items: [
          { value: 'x', text: 'x' },
          { value: 'y', text: 'y' },
          { value: 'z', text: 'z' },
        ],
      }),
    )
    assert.deepEqual(
      $('input[checked]')
        .toArray()
        .map((el) => $(el).attr('value')),
      ['x', 'z'],
    )
    assert.equal($('input[type=checkbox][name=ch]').length, 3)
  })
})

describe('dateInput', () => {
  it('renders روز / ماه / سال fields with numeric input mode and keeps values', async () => {
    const $ = await load(
      dateInput({
        id: 'dob',
        fieldset: { legend: { text: 'تاریخ تولد' } },
        hint: { text: 'مثلاً ۱۳۷۰ ۳ ۲۵' },
        errorMessage: { text: 'ماه نادرست است' },
        errorParts: ['month'],
        values: { day: '25', month: '13', year: `${XSS}` },
      }),
    )
    assert.deepEqual(
      $('label')
        .toArray()
        .map((el) => $(el).text()),
      ['روز', 'ماه', 'سال'],
    )
    assert.deepEqual(
      $('input')
        .toArray()
        .map((el) => [$(el).attr('id'), $(el).attr('name')]),
      [
        ['dob-day', 'dob-day'],
        ['dob-month', 'dob-month'],
        ['dob-year', 'dob-year'],
      ],
    )
    assert.equal($('input[inputmode=numeric]').length, 3)
    assert.equal($('#dob-year').attr('value'), XSS)
    assert.equal($('fieldset').attr('role'), 'group')
    assert.equal($('fieldset').attr('aria-describedby'), 'dob-hint dob-error')
    assert.equal($('.mr-input--error').attr('id'), 'dob-month')
  })
})

describe('errorSummary and field errors', () => {
  const errors: FieldErrors = { title: 'عنوان را وارد کنید', dob: `تاریخ ${XSS}` }

  it('links each error to its field and is an alert focus target', async () => {
    const $ = await load(
      errorSummary({ errorList: errorListFromFieldErrors(errors, { dob: 'dob-day' }) }),
    )
    assert.equal($('h2').text(), 'مشکلی وجود دارد')
    assert.equal($('[role=alert]').length, 1)
    assert.equal($('.mr-error-summary').attr('tabindex'), '-1')
    const links = $('a')
      .toArray()
      .map((el) => [$(el).attr('href'), $(el).text()])
    assert.deepEqual(links, [
      ['#title', 'عنوان را وارد کنید'],
      ['#dob-day', `تاریخ ${XSS}`],
    ])
    assert.doesNotMatch(
      await renderToString(errorSummary({ errorList: [{ text: XSS }] })),
      /<script/,
    )
  })

  it('finds errors by field', () => {
    assert.deepEqual(fieldError(errors, 'title'), { text: 'عنوان را وارد کنید' })
    assert.equal(fieldError(errors, 'other'), undefined)
    assert.equal(fieldError(undefined, 'title'), undefined)
    assert.equal(hasErrors(errors), true)
    assert.equal(hasErrors({}), false)
  })
})

describe('csrfField', () => {
  it('renders an escaped hidden _csrf input', async () => {
    assert.equal(
      await renderToString(csrfField('a"b<c')),
      '<input type="hidden" name="_csrf" value="a&quot;b&lt;c">',
    )
  })
})
