// The CSV upload of indicator values (/admin/indicators/upload), loaded with `defer` on that
// page only. Progressive enhancement: without it the form is a plain multipart post and the
// server's answer is a whole page. With it, the same post goes through XMLHttpRequest so that a
// <progress> can show how much of the file has been sent; the server's answer (the same page it
// would have sent, 200 or 422) then replaces <main>, and focus moves to its error summary or
// heading. Anything unexpected (no <main> in the answer, a network error) falls back to the
// ordinary post, so the person is never left with nothing.

// A scope of its own: classic scripts share one global scope (search.js has its own faDigits).
;(() => {
  const faDigits = (n) => String(n).replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)])

  function show(main, doc) {
    const next = doc.querySelector('main')
    if (!next) return false
    main.replaceChildren(...[...next.childNodes].map((n) => document.importNode(n, true)))
    if (doc.title) document.title = doc.title
    const summary = main.querySelector('.mr-error-summary')
    const heading = main.querySelector('h1, .mr-panel__title')
    const target = summary ?? heading
    if (target) {
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1')
      target.focus()
    }
    window.scrollTo(0, 0)
    return true
  }

  function upload(form) {
    const main = document.querySelector('main')
    const status = form.querySelector('[data-upload-status]')
    const bar = status?.querySelector('progress')
    const text = status?.querySelector('[role="status"]')
    const submit = form.querySelector('button[type="submit"], button:not([type])')
    if (!main || !status || !bar || !text) return false
    const file = form.querySelector('input[type="file"]')
    const max = Number(file?.getAttribute('data-max-bytes') ?? '0')
    const chosen = file?.files?.[0]
    // Too large for the server: let the server say so in the page's own words.
    if (chosen && max > 0 && chosen.size > max) return false

    status.hidden = false
    bar.style.inlineSize = '100%'
    bar.value = 0
    text.textContent = 'در حال فرستادن پرونده…'
    if (submit) submit.disabled = true

    const xhr = new XMLHttpRequest()
    xhr.open('POST', form.action)
    xhr.responseType = 'document'
    xhr.upload.addEventListener('progress', (event) => {
      if (!event.lengthComputable) return
      const percent = Math.round((event.loaded / event.total) * 100)
      bar.value = percent
      text.textContent = `${faDigits(percent)}٪ فرستاده شد`
    })
    xhr.upload.addEventListener('load', () => {
      bar.value = 100
      text.textContent = 'پرونده رسید؛ سطرها بررسی و ثبت می‌شوند…'
    })
    const fallback = () => {
      if (submit) submit.disabled = false
      status.hidden = true
      HTMLFormElement.prototype.submit.call(form)
    }
    xhr.addEventListener('load', () => {
      const doc = xhr.response
      if (!(doc instanceof Document) || !show(main, doc)) fallback()
    })
    xhr.addEventListener('error', fallback)
    xhr.send(new FormData(form))
    return true
  }

  document.addEventListener('submit', (event) => {
    const form = event.target
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-upload-progress')) return
    if (typeof XMLHttpRequest === 'undefined' || typeof FormData === 'undefined') return
    if (upload(form)) event.preventDefault()
  })
})()
