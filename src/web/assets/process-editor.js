// Live preview for the process editor (/admin/services/:id/edit/process…), loaded with `defer`.
// While a step form is being filled in, the chart and the total time are redrawn as if the
// form were saved: the form is posted to the preview URL (nothing is saved there) and the
// answer replaces the content of the preview region. Without this script the pages work the
// same, only the chart changes after saving. No inline script exists anywhere: the CSP forbids it.

const DELAY_MS = 300
const FAILED = 'پیش‌نمایش به‌روز نشد. فرم را همچنان می‌توانید ذخیره کنید.'

/** Replaces the children of `target` with the nodes of an HTML fragment from our own server. */
function swapIn(target, fragment) {
  const doc = new DOMParser().parseFromString(`<body>${fragment}</body>`, 'text/html')
  target.replaceChildren(...[...doc.body.childNodes].map((n) => document.importNode(n, true)))
}

/** Wires one step form to the preview region. */
function initPreview(form, region, url) {
  const status = document.createElement('div')
  status.className = 'mr-body-s mr-process-preview__status'
  status.setAttribute('role', 'status')
  region.before(status)

  let timer = 0
  let inFlight = null

  async function refresh() {
    inFlight?.abort()
    const controller = new AbortController()
    inFlight = controller
    region.setAttribute('aria-busy', 'true')
    try {
      const body = new URLSearchParams()
      for (const [name, value] of new FormData(form)) {
        if (typeof value === 'string') body.append(name, value)
      }
      const response = await fetch(url, {
        method: 'POST',
        body,
        credentials: 'same-origin',
        headers: { 'X-Requested-With': 'fetch' },
        signal: controller.signal,
      })
      const text = await response.text()
      if (controller !== inFlight) return
      if (response.ok) {
        swapIn(region, text)
        status.textContent = ''
      } else if (response.status === 422) {
        // The form cannot be read yet (e.g. a time that is not a number): keep the last chart.
        swapIn(status, text)
      } else {
        status.textContent = FAILED
      }
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return
      status.textContent = FAILED
    } finally {
      if (controller === inFlight) {
        region.removeAttribute('aria-busy')
        inFlight = null
      }
    }
  }

  const schedule = () => {
    window.clearTimeout(timer)
    timer = window.setTimeout(refresh, DELAY_MS)
  }
  form.addEventListener('input', schedule)
  form.addEventListener('change', schedule)
  // Once submitted, the page is replaced: stop previewing.
  form.addEventListener('submit', () => {
    window.clearTimeout(timer)
    inFlight?.abort()
  })
}

const region = document.getElementById('process-preview')
const url = region?.dataset.previewUrl
if (region && url) {
  for (const form of document.querySelectorAll('form[data-process-preview]')) {
    if (form instanceof HTMLFormElement) initPreview(form, region, url)
  }
}
