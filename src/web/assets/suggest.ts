// Search-as-you-type for the header's search box. Progressive enhancement: without this script the
// box is a plain GET form to /search. It follows the WAI-ARIA combobox pattern (listbox popup,
// aria-activedescendant, arrow keys, Enter, Escape) and announces the number of suggestions.

interface Suggestion {
  kind: 'story' | 'film' | 'person' | 'character'
  slug: string
  title: string
  year: number | null
  story: { slug: string; title: string } | null
}

function hrefOf(result: Suggestion): string {
  switch (result.kind) {
    case 'story':
      return `/stories/${result.slug}`
    case 'film':
      return `/films/${result.slug}`
    case 'person':
      return `/people/${result.slug}`
    case 'character':
      return `/stories/${result.slug.split('/')[0]}#characters`
  }
}

function enhance(input: HTMLInputElement): void {
  const form = input.form
  if (!form) return
  const list = document.createElement('ul')
  list.id = `${input.id}-suggestions`
  list.className = 'suggestions'
  list.setAttribute('role', 'listbox')
  list.setAttribute('aria-label', input.dataset.suggestionsLabel ?? '')
  list.hidden = true
  const status = document.createElement('div')
  status.className = 'visually-hidden'
  status.setAttribute('role', 'status')
  form.append(list, status)
  input.setAttribute('role', 'combobox')
  input.setAttribute('aria-autocomplete', 'list')
  input.setAttribute('aria-expanded', 'false')
  input.setAttribute('aria-controls', list.id)
  input.autocomplete = 'off'

  let results: Suggestion[] = []
  let active = -1
  let timer: number | undefined
  let pending: AbortController | undefined

  const options = () => [...list.querySelectorAll<HTMLLIElement>('[role="option"]')]
  const close = () => {
    list.hidden = true
    input.setAttribute('aria-expanded', 'false')
    input.removeAttribute('aria-activedescendant')
    active = -1
  }
  const highlight = (index: number) => {
    const all = options()
    if (all.length === 0) return
    active = (index + all.length) % all.length
    all.forEach((option, i) => option.setAttribute('aria-selected', String(i === active)))
    input.setAttribute('aria-activedescendant', all[active]!.id)
  }
  const render = () => {
    list.replaceChildren(
      ...results.map((result, i) => {
        // Options hold text, not links: a listbox must not nest interactive controls.
        const option = document.createElement('li')
        option.id = `${list.id}-${i}`
        option.setAttribute('role', 'option')
        option.setAttribute('aria-selected', 'false')
        option.textContent = result.year === null ? result.title : `${result.title} (${result.year})`
        option.addEventListener('mousedown', (event) => {
          event.preventDefault()
          window.location.assign(hrefOf(result))
        })
        if (result.story && result.kind !== 'story') {
          const story = document.createElement('span')
          story.className = 'muted'
          story.textContent = ` · ${result.story.title}`
          option.append(story)
        }
        return option
      }),
    )
    list.hidden = results.length === 0
    input.setAttribute('aria-expanded', String(!list.hidden))
    status.textContent = (input.dataset.suggestionsCount ?? '{count}').replace(
      '{count}',
      String(results.length),
    )
    active = -1
  }
  const suggest = async () => {
    const query = input.value.trim()
    pending?.abort()
    if (query.length < 2) return close()
    pending = new AbortController()
    try {
      const response = await fetch(`/api/v1/search?q=${encodeURIComponent(query)}&limit=6`, {
        signal: pending.signal,
      })
      if (!response.ok) return close()
      results = ((await response.json()) as { results: Suggestion[] }).results
      render()
    } catch {
      // An aborted or failed request leaves the plain form working.
    }
  }

  input.addEventListener('input', () => {
    window.clearTimeout(timer)
    timer = window.setTimeout(suggest, 120)
  })
  input.addEventListener('keydown', (event) => {
    if (list.hidden) return
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      highlight(active + (event.key === 'ArrowDown' ? 1 : -1))
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault()
      window.location.assign(hrefOf(results[active]!))
    } else if (event.key === 'Escape') {
      // Escape closes the list; it must not also clear the search box, as it does natively.
      event.preventDefault()
      close()
    }
  })
  input.addEventListener('blur', () => window.setTimeout(close, 200))
}

const box = document.querySelector<HTMLInputElement>('input[data-suggest]')
if (box) enhance(box)
