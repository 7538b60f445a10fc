// Filters of the home page (progressive enhancement: without this script the
// list is complete and the form stays hidden). Plain JavaScript, no library.
const form = document.getElementById('filtres')
const list = document.getElementById('liste-startups')
const status = document.getElementById('resultats')
if (form && list && status) {
  const items = Array.from(list.children)
  const fold = (text) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim()
  const field = (name) => form.elements.namedItem(name)
  let timer
  const apply = () => {
    const words = fold(field('q').value).split(/\s+/).filter(Boolean)
    const incubator = field('incubateur').value
    const phase = field('phase').value
    const state = field('statut').value
    const category = field('categorie').value
    let shown = 0
    for (const li of items) {
      const d = li.dataset
      const match =
        words.every((w) => d.search.includes(w)) &&
        (!incubator || d.incubators.split(' ').includes(incubator)) &&
        (!phase || d.phase === phase) &&
        (!state || d.status === state) &&
        (!category || d.failing.split(' ').includes(category))
      li.hidden = !match
      if (match) shown++
    }
    // Announced once the user pauses, not at every key.
    clearTimeout(timer)
    timer = setTimeout(() => {
      status.textContent = shown === 0 ? 'Aucune startup ne correspond' : `${shown} startup${shown > 1 ? 's' : ''} sur ${items.length}`
    }, 300)
  }
  form.addEventListener('input', apply)
  form.addEventListener('change', apply)
  form.addEventListener('reset', () => setTimeout(apply, 0))
  form.addEventListener('submit', (event) => event.preventDefault())
  form.hidden = false
}
