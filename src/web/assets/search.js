// Autocomplete for the service search boxes (features/search), loaded with `defer` on the home
// and search pages. Progressive enhancement: without it the box is a plain GET form and works
// the same. The ARIA 1.2 combobox pattern: the input controls a listbox of service titles,
// the arrow keys move through it (aria-activedescendant), Enter opens the chosen service,
// Escape closes the list, and a polite live region says how many suggestions there are.

const DEBOUNCE_MS = 150
const MIN_LETTERS = 2
const faDigits = (n) => String(n).replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)])

let instances = 0

function initSuggest(input) {
  const url = input.getAttribute('data-suggest-url')
  const wrapper = input.closest('.mr-suggest')
  if (!url || !wrapper) return
  instances += 1
  const listId = `mr-suggest-list-${instances}`
  const list = document.createElement('ul')
  list.id = listId
  list.className = 'mr-suggest__list'
  list.setAttribute('role', 'listbox')
  list.setAttribute('aria-label', 'پیشنهادها')
  list.hidden = true
  const status = document.createElement('div')
  status.className = 'mr-visually-hidden'
  status.setAttribute('role', 'status')
  status.setAttribute('aria-live', 'polite')
  wrapper.append(list, status)

  input.setAttribute('role', 'combobox')
  input.setAttribute('aria-autocomplete', 'list')
  input.setAttribute('aria-expanded', 'false')
  input.setAttribute('aria-controls', listId)

  let items = []
  let active = -1
  let timer = 0
  let controller = null

  const close = () => {
    list.hidden = true
    list.replaceChildren()
    items = []
    active = -1
    input.setAttribute('aria-expanded', 'false')
    input.removeAttribute('aria-activedescendant')
  }

  const setActive = (index) => {
    active = index
    for (const [i, option] of [...list.children].entries()) {
      option.setAttribute('aria-selected', i === index ? 'true' : 'false')
      option.classList.toggle('mr-suggest__option--active', i === index)
    }
    if (index >= 0) input.setAttribute('aria-activedescendant', `${listId}-${index}`)
    else input.removeAttribute('aria-activedescendant')
  }

  const render = (found) => {
    // A slower answer for the finished word can arrive after the person has already arrowed
    // into the list of a shorter prefix: keep their choice when that service is still offered.
    const chosen = active >= 0 ? items[active]?.url : undefined
    items = found
    list.replaceChildren(
      ...found.map((item, i) => {
        const option = document.createElement('li')
        option.id = `${listId}-${i}`
        option.className = 'mr-suggest__option'
        option.setAttribute('role', 'option')
        option.setAttribute('aria-selected', 'false')
        option.textContent = item.title
        option.addEventListener('mousedown', (event) => {
          // Before the input's blur closes the list.
          event.preventDefault()
          window.location.assign(item.url)
        })
        return option
      }),
    )
    const open = found.length > 0
    list.hidden = !open
    input.setAttribute('aria-expanded', open ? 'true' : 'false')
    setActive(chosen === undefined ? -1 : found.findIndex((item) => item.url === chosen))
    status.textContent = open
      ? `${faDigits(found.length)} پیشنهاد؛ با کلیدهای جهت‌نما انتخاب کنید.`
      : ''
  }

  const fetchSuggestions = async () => {
    const q = input.value.trim()
    if (q.length < MIN_LETTERS) {
      close()
      return
    }
    controller?.abort()
    controller = new AbortController()
    try {
      const res = await fetch(`${url}?q=${encodeURIComponent(q)}`, {
        signal: controller.signal,
        headers: { accept: 'application/json' },
      })
      if (!res.ok) return
      const body = await res.json()
      if (input.value.trim() !== q) return
      const found = Array.isArray(body.items)
        ? body.items.filter(
            (i) =>
              typeof i.title === 'string' && typeof i.url === 'string' && i.url.startsWith('/'),
          )
        : []
      render(found)
    } catch {
      // Aborted or offline: the plain form still works.
    }
  }

  input.addEventListener('input', () => {
    window.clearTimeout(timer)
    timer = window.setTimeout(fetchSuggestions, DEBOUNCE_MS)
  })

  input.addEventListener('keydown', (event) => {
    if (list.hidden) {
      if (event.key === 'ArrowDown' && input.value.trim().length >= MIN_LETTERS) {
        event.preventDefault()
        fetchSuggestions()
      }
      return
    }
    if (event.key === 'ArrowDown') {
      event.preventDefault()
      setActive(active + 1 >= items.length ? 0 : active + 1)
    } else if (event.key === 'ArrowUp') {
      event.preventDefault()
      setActive(active - 1 < 0 ? items.length - 1 : active - 1)
    } else if (event.key === 'Enter' && active >= 0) {
      const item = items[active]
      if (!item) return
      event.preventDefault()
      window.location.assign(item.url)
    } else if (event.key === 'Escape') {
      event.preventDefault()
      close()
    } else if (event.key === 'Tab') {
      close()
    }
  })

  input.addEventListener('blur', () => close())
}

for (const input of document.querySelectorAll('input[data-suggest-url]')) {
  if (input instanceof HTMLInputElement) initSuggest(input)
}

// The search page's filters (features/search) sit in a «محدود کردن نتایج» <details>. Wide
// screens show them as a column through ::details-content (site.css); a browser without it
// would keep them folded there, so open them once for it. Narrow screens keep them folded.
const filters = document.getElementById('search-filters')
if (
  filters instanceof HTMLDetailsElement &&
  !CSS.supports('selector(::details-content)') &&
  window.matchMedia('(min-width: 48.0625em)').matches
) {
  filters.open = true
}
