import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { contentDisposition, fileSizeFa } from './download.ts'
import { downloadFileName } from './forms.input.ts'

describe('download names and sizes', () => {
  it('gives an ASCII fallback and the UTF-8 name percent-encoded (RFC 6266, RFC 5987)', () => {
    assert.equal(
      contentDisposition('فرم (۱).pdf', 'form-abc'),
      `attachment; filename="form-abc.pdf"; filename*=UTF-8''%D9%81%D8%B1%D9%85%20%28%DB%B1%29.pdf`,
    )
    assert.equal(
      contentDisposition("it's form 2.docx", 'x'),
      `attachment; filename="it-s-form-2.docx"; filename*=UTF-8''it%27s%20form%202.docx`,
    )
  })

  it('keeps the uploaded name but not its folders or controls, with the real extension', () => {
    assert.equal(downloadFileName('C:\\docs\\فرم.PDF', 'pdf', 't'), 'فرم.pdf')
    assert.equal(downloadFileName('../../etc/"x"\n.exe', 'docx', 't'), 'x.docx')
    assert.equal(downloadFileName('', 'odt', 'فرم تقاضا'), 'فرم تقاضا.odt')
  })

  it('writes sizes in Persian', () => {
    assert.equal(fileSizeFa(512), '۵۱۲ بایت')
    assert.equal(fileSizeFa(48 * 1024), '۴۸ کیلوبایت')
    assert.equal(fileSizeFa(1.5 * 1024 * 1024), '۱٫۵ مگابایت')
  })
})
