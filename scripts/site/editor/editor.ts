/**
 * The editor page's script (/editer/): start a new startup fiche, open one of
 * the registry's or a pasted text; a form for every field of the schema
 * (form-model.ts); the fiche text kept by the text model (fiche-text.ts: only
 * the changed field's lines change); the checks of `registry validate` and
 * `registry lint` as you type (check.ts, the project's own pipeline), each
 * message next to its field; a summary per standards category; "Proposer sur
 * GitHub" (a plain link to GitHub's own new-file or edit page) and
 * "Télécharger". Everything it needs is in registre.json, fetched once from
 * the page's own origin; nothing else leaves the page. No `node:` import.
 */
import type { Collection } from '../../load/config.ts'
import { CATEGORIES, HYGIENE } from '../../lint/catalogue.ts'
import { categoryLabel } from '../../lint/category-summary.ts'
import { LINT_RULES } from '../../lint/rules/index.ts'
import type { Diagnostic } from '../../report/diagnostic.ts'
import { renderMarkdown } from '../markdown.ts'
import { checkFiche, contextOf, shownDiagnostics, today, type FicheCheck, type FicheContext, type ShippedRegistry } from './check.ts'
import { ficheText, getField, openFiche, setBody, setField, type OpenedFiche } from './fiche-text.ts'
import { controlId, formFields, type Field } from './form-model.ts'
import { proposal } from './proposal.ts'

const COLLECTION: Collection = 'startups'
const CHECK_DELAY_MS = 250

interface Drawn {
  element: HTMLElement
  read(): unknown
}

interface State {
  registry: ShippedRegistry
  context: FicheContext
  /** The fiche as opened (or as named, for a new one): every edit is applied to it, never to the text of the last keystroke. */
  base: OpenedFiche
  /** The values the form changed since the fiche was opened, and the body when it was edited. */
  changed: Map<string, unknown>
  body?: string
  /** What the text is now: `base` with `changed` and `body` applied. */
  doc: OpenedFiche
  /** The fiche exists in the registry (opened from the list): GitHub's edit page, not its new-file page. */
  existing: boolean
  id: string
  /** Where each field's messages go, by pointer. */
  targets: Map<string, { messages: HTMLElement; control?: HTMLElement }>
  fields: Map<string, Drawn>
  timer?: ReturnType<typeof setTimeout>
  download?: string
  last?: FicheCheck
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag)
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v)
  node.append(...children)
  return node
}

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T

function folder(state: State): string {
  return state.context.config.collections[COLLECTION]
}

function fileOf(state: State): string {
  return `${folder(state)}/${state.id}.md`
}

// ---------------------------------------------------------------------------
// Form

/** `'' ` is how a fiche writes an empty text: shown as such, so that it is not taken for a missing field. */
function shown(value: unknown): string {
  if (value === undefined || value === null) return ''
  if (value === '') return "''"
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

function typed(text: string, field: Field): unknown {
  // As typed: spaces around a value are the checks' business (value/untrimmed), not silently dropped.
  const value = text
  if (value === '') return undefined
  if (value === "''") return ''
  if (field.kind === 'integer') return /^-?\d+$/.test(value) ? Number(value) : value
  return value
}

function hintOf(field: Field): string {
  const example = field.example !== undefined && field.kind !== 'group' && field.kind !== 'groups' ? ` Exemple : ${field.example}` : ''
  return `${field.description}${example}${field.required ? ' (obligatoire)' : ''}`.trim()
}

function messagesBox(state: State, pointer: string, control?: HTMLElement): HTMLElement {
  const box = el('div', { class: 'fr-messages-group', id: `${controlId(pointer)}-messages`, 'data-pointer': pointer })
  state.targets.set(pointer, { messages: box, ...(control ? { control } : {}) })
  return box
}

function labelFor(id: string, text: string, hint: string): HTMLLabelElement {
  return el('label', { class: 'fr-label', for: id }, text, ...(hint ? [el('span', { class: 'fr-hint-text' }, hint)] : []))
}

function choiceOptions(state: State, field: Field & { kind: 'choice' }): [string, string][] {
  if (field.choices === 'rules') return LINT_RULES.map((r) => [r.id, `${r.id} — ${r.description}`])
  const collection = field.choices
  const records = state.context.records.filter((r) => r.collection === collection)
  const options = records.map((r): [string, string] => {
    const name = String(r.data.title ?? r.data.name ?? r.id)
    return [field.reference === 'organisation-ref' ? `/organisations/${r.id}` : r.id, `${name} (${r.id})`]
  })
  return options.sort((a, b) => a[1].localeCompare(b[1], 'fr'))
}

function select(id: string, options: [string, string][], value: unknown, describedBy: string): HTMLSelectElement {
  const node = el('select', { class: 'fr-select', id, 'aria-describedby': describedBy })
  node.append(el('option', { value: '' }, '— non renseigné —'))
  const current = value === undefined ? '' : String(value)
  if (current !== '' && !options.some(([v]) => v === current)) options = [[current, `${current} (inconnu du registre)`], ...options]
  for (const [v, label] of options) node.append(el('option', { value: v }, label))
  node.value = current
  return node
}

/** Draws one field at `pointer` with `value`; `changed` is called after every edit inside it. */
function drawField(state: State, field: Field, pointer: string, value: unknown, label: string, changed: () => void): Drawn {
  const id = controlId(pointer)
  const hint = hintOf(field)
  if (field.kind === 'group' || field.kind === 'groups' || field.kind === 'list') {
    const legend = el('legend', { class: 'fr-fieldset__legend' }, label, ...(hint ? [el('span', { class: 'fr-hint-text' }, hint)] : []))
    const set = el('fieldset', { class: 'fr-fieldset', id, 'aria-describedby': `${id}-messages` }, legend)
    if (field.kind === 'group') {
      const object = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
      const parts = field.fields.map((f) => [f.key, drawField(state, f, `${pointer}/${f.key}`, object[f.key], f.key, changed)] as const)
      for (const [, part] of parts) set.append(el('div', { class: 'fr-fieldset__element' }, part.element))
      set.append(messagesBox(state, pointer, set))
      return {
        element: set,
        read() {
          const out: Record<string, unknown> = {}
          // Keys the form does not know are kept as they were.
          for (const [k, v] of Object.entries(object)) if (!field.fields.some((f) => f.key === k)) out[k] = v
          for (const [key, part] of parts) {
            const v = part.read()
            if (v !== undefined) out[key] = v
          }
          return Object.keys(out).length > 0 ? out : undefined
        },
      }
    }
    const item = field.item
    const rows = el('div', { class: 'editeur-lignes' })
    let drawn: Drawn[] = []
    const noun = field.kind === 'groups' ? 'un élément' : 'une valeur'
    const draw = (values: unknown[], focus?: number) => {
      rows.replaceChildren()
      drawn = values.map((v, i) => {
        const itemLabel = `${field.key} n°${i + 1}`
        const part = drawField(state, item, `${pointer}/${i}`, v, itemLabel, changed)
        const remove = el('button', { type: 'button', class: 'fr-btn fr-btn--sm fr-btn--tertiary editeur-retirer' }, `Retirer ${itemLabel}`)
        remove.addEventListener('click', () => {
          const now = drawn.map((d) => d.read())
          now.splice(i, 1)
          draw(now, Math.min(i, now.length - 1))
          if (now.length === 0) add.focus()
          changed()
        })
        rows.append(el('div', { class: 'fr-fieldset__element editeur-ligne' }, part.element, remove))
        return part
      })
      if (focus !== undefined && focus >= 0) rows.children[focus]?.querySelector<HTMLElement>('input, select, textarea')?.focus()
    }
    const add = el('button', { type: 'button', class: 'fr-btn fr-btn--sm fr-btn--secondary' }, `Ajouter ${noun} à ${field.key}`)
    add.addEventListener('click', () => {
      const now = drawn.map((d) => d.read())
      now.push(undefined)
      draw(now, now.length - 1)
    })
    draw(Array.isArray(value) ? value : value === undefined ? [] : [value])
    set.append(rows, el('div', { class: 'fr-fieldset__element' }, add), messagesBox(state, pointer, set))
    return {
      element: set,
      read() {
        const values = drawn.map((d) => d.read()).filter((v) => v !== undefined)
        return values.length > 0 ? values : undefined
      },
    }
  }
  const group = el('div', { class: 'fr-input-group' })
  let control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement
  const describedBy = `${id}-messages`
  if (field.kind === 'boolean') control = select(id, [['true', 'true (oui)'], ['false', 'false (non)']], value, describedBy)
  else if (field.kind === 'enum') control = select(id, field.options.map((o) => [o, o]), value, describedBy)
  else if (field.kind === 'choice') control = select(id, choiceOptions(state, field), value, describedBy)
  else if (field.kind === 'text' && field.multiline) {
    control = el('textarea', { class: 'fr-input', id, rows: '3', 'aria-describedby': describedBy })
    control.value = shown(value)
  } else {
    control = el('input', { class: 'fr-input', id, type: 'text', 'aria-describedby': describedBy, autocomplete: 'off', spellcheck: 'false' })
    if (field.kind === 'integer') control.setAttribute('inputmode', 'numeric')
    control.value = shown(value)
  }
  control.addEventListener(control instanceof HTMLSelectElement ? 'change' : 'input', changed)
  group.append(labelFor(id, label, hint), control, messagesBox(state, pointer, control))
  return {
    element: group,
    read() {
      const v = control.value
      if (control instanceof HTMLSelectElement && field.kind === 'boolean') return v === '' ? undefined : v === 'true'
      return typed(v, field)
    },
  }
}

function drawForm(state: State): void {
  const form = $('editeur-champs')
  state.targets.clear()
  state.fields.clear()
  form.replaceChildren()
  const data = state.doc.data ?? {}
  for (const field of formFields(COLLECTION)) {
    const pointer = `/${field.key}`
    const drawn = drawField(state, field, pointer, data[field.key], field.key, () => fieldChanged(state, field.key))
    state.fields.set(field.key, drawn)
    form.append(drawn.element)
  }
  const body = $<HTMLTextAreaElement>('champ-corps')
  body.value = state.doc.body
  const idInput = $<HTMLInputElement>('champ-identifiant')
  idInput.value = state.id
  idInput.readOnly = state.existing
  state.targets.set('#id', { messages: $('champ-identifiant-messages'), control: idInput })
  state.targets.set('#body', { messages: $('champ-corps-messages'), control: body })
  const frozen = state.doc.data === undefined
  for (const node of form.querySelectorAll<HTMLInputElement>('input, select, textarea, button')) node.disabled = frozen
  // The text model never rewrites a header it cannot read: the body waits too.
  body.disabled = frozen
  $('editeur-gele').hidden = !frozen
}

function fieldChanged(state: State, key: string): void {
  state.changed.set(key, state.fields.get(key)!.read())
  rebuild(state)
  textChanged(state)
}

/**
 * The text from the fiche as opened and the form's values: what is written depends on the file
 * and the final values only, not on the way they were typed (a value that was, for a keystroke,
 * "Au " and needed quotes is written "Au clavier" without them), and a value typed back to what
 * it was gives the opened bytes again.
 */
function rebuild(state: State): void {
  let doc = state.base
  for (const [key, value] of state.changed) {
    try {
      doc = setField(doc, key, value)
    } catch (err) {
      // A value YAML cannot hold: that field's lines stay as they were, the check still runs.
      console.error(err)
    }
  }
  state.doc = state.body === undefined ? doc : setBody(doc, state.body)
}

// ---------------------------------------------------------------------------
// Checks and messages

function textChanged(state: State): void {
  const text = ficheText(state.doc)
  $<HTMLTextAreaElement>('editeur-texte').value = text
  updateActions(state, text)
  idNote(state)
  clearTimeout(state.timer)
  // Checks wait for a pause in the typing; `data-pending` says one is due (the tests wait for it to go).
  document.body.dataset.pending = 'true'
  state.timer = setTimeout(() => runChecks(state), CHECK_DELAY_MS)
}

function runChecks(state: State): void {
  const text = ficheText(state.doc)
  const check = checkFiche(text, fileOf(state), state.context, 'fr', today())
  state.last = check
  showDiagnostics(state, check)
  showStandards(check)
  $('editeur-apercu').innerHTML = renderMarkdown(state.doc.body, { headingOffset: 2 })
  delete document.body.dataset.pending
}

function targetOf(state: State, d: Diagnostic, bodyLine: number | undefined): { messages: HTMLElement; control?: HTMLElement } | undefined {
  if (d.path !== undefined) {
    let pointer = d.path
    for (;;) {
      const target = state.targets.get(pointer)
      if (target) return target
      if (pointer === '') return undefined
      pointer = pointer.slice(0, pointer.lastIndexOf('/'))
    }
  }
  if (d.ruleId.startsWith('id/')) return state.targets.get('#id')
  if (bodyLine !== undefined && d.line >= bodyLine) return state.targets.get('#body')
  return undefined
}

function message(d: Diagnostic): HTMLElement {
  const error = d.severity === 'error'
  const p = el('p', { class: `fr-message fr-message--${error ? 'error' : 'warning'}`, 'data-rule': d.ruleId })
  // One child: DSFR lays a message out as a row (icon, content).
  p.append(el('span', {}, `${error ? 'Erreur' : 'Avertissement'} : ${d.message} ${d.hint} `, el('code', {}, d.ruleId)))
  return p
}

function showDiagnostics(state: State, check: FicheCheck): void {
  for (const target of state.targets.values()) {
    target.messages.replaceChildren()
    target.control?.removeAttribute('aria-invalid')
    target.control?.closest('.fr-input-group')?.classList.remove('fr-input-group--error')
  }
  const general = $('editeur-messages')
  general.replaceChildren()
  const record = check.record
  const bodyLine = record ? record.text.slice(0, record.yamlEnd).split('\n').length + 1 : undefined
  const all = shownDiagnostics(check)
  for (const d of all) {
    const target = targetOf(state, d, bodyLine)
    if (target) {
      target.messages.append(message(d))
      if (d.severity === 'error' && target.control) {
        target.control.setAttribute('aria-invalid', 'true')
        target.control.closest('.fr-input-group')?.classList.add('fr-input-group--error')
      }
    } else {
      general.append(el('li', {}, message(d)))
    }
  }
  const errors = all.filter((d) => d.severity === 'error').length
  const warnings = all.length - errors
  const errorText = errors === 0 ? 'aucune erreur' : `${errors} erreur${errors > 1 ? 's' : ''} (la vérification refuserait la fiche)`
  const warningText = warnings === 0 ? 'aucun avertissement' : `${warnings} avertissement${warnings > 1 ? 's' : ''}`
  $('editeur-etat').textContent = `${fileOf(state)} : ${errorText}, ${warningText}.`
}

function showStandards(check: FicheCheck): void {
  const box = $('editeur-standards')
  box.replaceChildren()
  if (!check.record) {
    box.append(el('p', {}, 'La fiche ne peut pas être lue : corrigez d’abord les erreurs.'))
    return
  }
  const byCategory = new Map<string, typeof check.outcomes>()
  for (const o of check.outcomes) {
    const c = String(o.rule.category)
    byCategory.set(c, [...(byCategory.get(c) ?? []), o])
  }
  box.append(el('p', {}, `Phase en cours : ${check.phase ?? 'aucune'} (au ${today()}).`))
  for (const category of [...CATEGORIES, HYGIENE]) {
    const outcomes = byCategory.get(category)
    if (!outcomes) continue
    const failing = outcomes.filter((o) => o.result === 'failing')
    const passed = outcomes.length - failing.length
    const section = el('div', { class: 'editeur-categorie', 'data-category': category })
    section.append(el('h3', { class: 'fr-h6' }, `${categoryLabel(category, 'fr')} : ${passed} sur ${outcomes.length} ${failing.length === 0 ? '— complet' : ''}`.trim()))
    if (failing.length > 0) {
      const list = el('ul')
      for (const o of failing) {
        for (const d of check.lint.filter((x) => x.ruleId === o.rule.id)) list.append(el('li', {}, `${d.message} ${d.hint} `, el('code', {}, d.ruleId)))
      }
      section.append(list)
    }
    box.append(section)
  }
}

// ---------------------------------------------------------------------------
// Proposing and saving

/** A new fiche under the name of one of the registry's: GitHub would refuse to create it. */
function idNote(state: State): void {
  const note = $('champ-identifiant-note')
  const taken = !state.existing && state.context.entries.some((e) => e.file === fileOf(state))
  $('champ-identifiant-note-boite').hidden = !taken
  note.textContent = taken ? `Une fiche du registre porte déjà l’identifiant « ${state.id} » : choisissez-en un autre, ou ouvrez cette fiche pour la modifier.` : ''
}

function updateActions(state: State, text: string): void {
  const config = state.registry.config
  const link = $<HTMLAnchorElement>('editeur-proposer')
  const p = proposal({ repositoryUrl: config.repositoryUrl, branch: config.repositoryBranch, file: fileOf(state), text, existing: state.existing })
  const note = $('editeur-proposer-note')
  if (p) {
    link.href = p.url
    link.removeAttribute('aria-disabled')
    note.textContent = p.instructions
  } else {
    link.removeAttribute('href')
    link.setAttribute('aria-disabled', 'true')
    note.textContent = 'L’adresse du dépôt n’est pas configurée (repositoryUrl dans registry.config.json) : téléchargez la fiche.'
  }
  const download = $<HTMLAnchorElement>('editeur-telecharger')
  if (state.download) URL.revokeObjectURL(state.download)
  state.download = URL.createObjectURL(new Blob([text], { type: 'text/markdown;charset=utf-8' }))
  download.href = state.download
  download.download = `${state.id || 'fiche'}.md`
}

// ---------------------------------------------------------------------------
// Opening

function open(state: State, text: string, id: string, existing: boolean): void {
  state.id = id
  state.existing = existing
  state.base = state.doc = openFiche(text, fileOf(state), { collection: COLLECTION, limits: state.context.config.limits })
  state.changed = new Map()
  state.body = undefined
  drawForm(state)
  textChanged(state)
  clearTimeout(state.timer)
  runChecks(state)
  $('editeur-titre-fiche').textContent = existing ? `Fiche ${fileOf(state)} (du registre)` : `Nouvelle fiche ${fileOf(state)}`
}

function start(registry: ShippedRegistry): void {
  const context = contextOf(registry)
  const state: State = { registry, context, base: openFiche('', 'startups/nouvelle-fiche.md'), changed: new Map(), doc: openFiche('', 'startups/nouvelle-fiche.md'), existing: false, id: '', targets: new Map(), fields: new Map() }
  const list = $<HTMLSelectElement>('editeur-liste')
  const startups = registry.files.filter((f) => f.collection === COLLECTION)
  const titles = new Map(context.records.map((r) => [r.file, String(r.data.title ?? r.id)]))
  for (const f of [...startups].sort((a, b) => (titles.get(a.file) ?? a.id).localeCompare(titles.get(b.file) ?? b.id, 'fr'))) {
    list.append(el('option', { value: f.file }, `${titles.get(f.file) ?? f.id} (${f.id})`))
  }
  $('editeur-nouvelle').addEventListener('click', () => {
    open(state, '', '', false)
    $('champ-identifiant').focus()
  })
  $('editeur-ouvrir').addEventListener('click', () => {
    const f = startups.find((s) => s.file === list.value)
    if (!f) return
    open(state, f.text, f.id, true)
    $('champ-title').focus()
  })
  $('editeur-coller-ouvrir').addEventListener('click', () => {
    const text = $<HTMLTextAreaElement>('editeur-coller').value
    const id = $<HTMLInputElement>('editeur-coller-id').value.trim()
    const existing = startups.some((s) => s.id === id)
    open(state, text, id, existing)
    $('champ-title').focus()
  })
  $<HTMLInputElement>('champ-identifiant').addEventListener('input', (e) => {
    if (state.existing) return
    state.id = (e.target as HTMLInputElement).value.trim()
    // Named anew: the same text as opened, under its new file name; the form's values stay.
    state.base = openFiche(ficheText(state.base), fileOf(state), { collection: COLLECTION, limits: state.context.config.limits })
    rebuild(state)
    $('editeur-titre-fiche').textContent = `Nouvelle fiche ${fileOf(state)}`
    textChanged(state)
  })
  $<HTMLTextAreaElement>('champ-corps').addEventListener('input', (e) => {
    state.body = (e.target as HTMLTextAreaElement).value
    rebuild(state)
    textChanged(state)
  })
  $('editeur-formulaire').addEventListener('submit', (e) => e.preventDefault())
  $<HTMLAnchorElement>('editeur-proposer').addEventListener('click', () => {
    // An existing fiche: GitHub's edit page cannot be filled from a link; the text goes to the clipboard.
    if (state.existing) void navigator.clipboard?.writeText(ficheText(state.doc)).catch(() => undefined)
  })
  // editer/?fiche=<id> opens that fiche of the registry (a link from its page).
  const asked = startups.find((s) => s.id === new URLSearchParams(location.search).get('fiche'))
  if (asked) {
    list.value = asked.file
    open(state, asked.text, asked.id, true)
  } else open(state, '', '', false)
  $('editeur-pret').hidden = false
  $('editeur-chargement').hidden = true
  document.body.dataset.editor = 'ready'
  // Offline reloads (sw.js, next to the page): optional, the page works without it.
  navigator.serviceWorker?.register('sw.js').catch(() => undefined)
  // For the tests and the curious: the current text and the last check.
  ;(globalThis as { editeur?: unknown }).editeur = { text: () => ficheText(state.doc), check: () => state.last, getField: (k: string) => getField(state.doc, k) }
}

async function boot(): Promise<void> {
  const root = document.getElementById('editeur')
  if (!root) return
  try {
    const response = await fetch(new URL(root.dataset.registre ?? 'registre.json', document.baseURI))
    if (!response.ok) throw new Error(`HTTP ${response.status}`)
    start((await response.json()) as ShippedRegistry)
  } catch (err) {
    $('editeur-chargement').textContent = `L’éditeur n’a pas pu charger le registre (${String((err as Error)?.message ?? err)}). Rechargez la page.`
  }
}

void boot()
