import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { edge, hours, processOf, task } from '../process.test-helpers.ts'
import { mermaidText, toMermaid } from './mermaid.ts'
import { correctionSample, decisionSample } from './samples.ts'

describe('toMermaid', () => {
  it('the decision sample', () => {
    assert.equal(
      toMermaid(decisionSample()),
      `flowchart TD
  start(("شروع"))
  s1["ثبت درخواست<br/>متقاضی، ۲۰ دقیقه"]
  s2["بررسی مدارک<br/>دستگاه، ۱ تا ۲ روز کاری"]
  s3{"مدارک کامل است؟"}
  s4["صدور گواهی<br/>دستگاه، ۲ تا ۳ روز کاری"]
  s5["اعلام نقص مدارک با پیامک<br/>سامانه، ۵ دقیقه"]
  finish_s4(("پایان"))
  finish_s5(("پایان"))
  start --> s1
  s1 --> s2
  s2 --> s3
  s3 -->|"بله"| s4
  s3 -->|"خیر، مدارک ناقص است"| s5
  s4 --> finish_s4
  s5 --> finish_s5
`,
    )
  })

  it('return edges are dotted with their label; variant steps say so', () => {
    const text = toMermaid(correctionSample())
    assert.match(text, /^ {2}s5 -\.->\|"بازگشت برای اصلاح"\| s1$/m)
    assert.match(
      text,
      /^ {2}s4\["استعلام از پلیس اتباع<br\/>دستگاه دیگر، ۵ تا ۷ روز<br\/>فقط برای اتباع خارجی"\]$/m,
    )
    // s5's only way on is the return: it is not an end (the chart and the steps table agree).
    assert.doesNotMatch(text, /finish_s5/)
    assert.match(text, /^ {2}s6 --> finish_s6$/m)
  })

  it('quotes and escapes labels so no title can break the syntax', () => {
    assert.equal(
      mermaidText('الف "ب" <i>ج</i> & #۱\nدو'),
      'الف #quot;ب#quot; #lt;i#gt;ج#lt;/i#gt; #amp; #35;۱ دو',
    )
    const text = toMermaid(
      processOf(
        [task('s1', 'گام "یک"', hours(1)), task('s2', 'دو', hours(1))],
        [edge('s1', 's2', 'اگر "بله" | شد')],
      ),
    )
    assert.match(text, /s1\["گام #quot;یک#quot;<br\/>دستگاه، ۱ ساعت"\]/)
    assert.match(text, /s1 -->\|"اگر #quot;بله#quot; \| شد"\| s2/)
  })

  it('ids Mermaid cannot take as they are (keywords, hyphens) are renamed', () => {
    const text = toMermaid(
      processOf(
        [task('end', 'یک', hours(1)), task('a-b', 'دو', hours(1)), task('start', 'سه', hours(1))],
        [edge('end', 'a-b'), edge('a-b', 'start')],
      ),
    )
    assert.match(text, /^ {2}start --> step_1$/m)
    assert.match(text, /^ {2}step_1 --> step_2$/m)
    assert.match(text, /^ {2}step_2 --> step_3$/m)
    assert.match(text, /^ {2}step_3 --> finish_step_3$/m)
  })

  it('an empty process is just the header', () => {
    assert.equal(toMermaid({ steps: [], transitions: [], variants: [] }), 'flowchart TD\n')
  })
})
