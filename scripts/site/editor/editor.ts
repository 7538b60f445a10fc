/**
 * The editor page's script (/editer/), in the words and order of a product team: open a
 * fiche of the registry, create one in three steps (new-fiche.ts) or paste a text; the
 * fiche as sections (sections.ts: Le produit, Portage, Parcours, Preuves et liens, Autres
 * champs), each collapsible with its own count of errors and warnings, fields named in
 * French with their key shown small; the phases as a timeline where « Commencer une
 * nouvelle phase » closes the current one the day before (timeline.ts); an error summary
 * at the top that lists every diagnostic of `registry validate` and `registry lint` (the
 * project's own checks, check.ts) with a link to its field, and « Appliquer » where the
 * correction is certain (corrections.ts); a standards panel that says per category what is
 * missing and what to write; a live preview of the startup's page made by the site's own
 * page code (preview.ts); « Proposer sur GitHub » and « Télécharger la fiche ». The fiche's
 * text is kept by the text model (fiche-text.ts: a changed field changes only its lines).
 * What it checks against is the registry's summary (registre.json) and each fiche's text is
 * fetched when it is opened (downloads.ts, started by boot.ts), both from the page's own origin;
 * the preview's code comes when the preview is about to be seen. Nothing leaves the page. No
 * `node:` import, no inline style or script (the site's CSP).
 */
import type { Collection } from '../../load/config.ts'
import { CATEGORIES, standardById } from '../../lint/catalogue.ts'
import { categoryLabel } from '../../lint/category-summary.ts'
import { checkLabelFr } from '../../lint/check-labels.ts'
import { LINT_RULES } from '../../lint/rules/index.ts'
import { compareDiagnostics, type Diagnostic } from '../../report/diagnostic.ts'
import { EVENT_LABELS, frenchDate, phaseLabel, PHASE_LABELS } from '../components.ts'
import { ITEM_NOUNS, valueLabel } from '../field-labels.ts'
import { FICHE_SCHEMAS } from '../../validate/schemas.ts'
import type { Downloads } from './downloads.ts'
import { ficheTextPath } from '../fiche-path.ts'
import { checkFiche, contextOf, shownDiagnostics, today, type FicheCheck, type FicheContext, type ShippedRegistry } from './check.ts'
import { corrections, type Correction } from './corrections.ts'
import { ficheText, getField, openFiche, setBody, setField, type OpenedFiche } from './fiche-text.ts'
import { controlId, formFields, type Field } from './form-model.ts'
import { newFicheText, slugOf, STEP_FIELDS, type NewFicheAnswers } from './new-fiche.ts'
import { proposal } from './proposal.ts'
import { otherKeys, RULE_FIELDS, SECTIONS } from './sections.ts'
import { isDay, nextPhaseName, startPhase, type Phase } from './timeline.ts'
import { dumpYaml } from './yaml-write.ts'

const COLLECTION: Collection = 'startups'
const CHECK_DELAY_MS = 250
const FIELDS = new Map(formFields(COLLECTION).map((f) => [f.key, f]))
const SCHEMA_KEYS = new Set(Object.keys(FICHE_SCHEMAS[COLLECTION].properties))

interface Drawn {
  element: HTMLElement
  read(): unknown
}

/** Where a diagnostic goes: its messages box, the control marked invalid, what a link focuses, its name in the summary. */
interface Target {
  messages: HTMLElement
  control?: HTMLElement
  focus: HTMLElement
  name: string
}

interface State {
  registry: ShippedRegistry
  downloads: Downloads
  context: FicheContext
  asOf: string
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
  targets: Map<string, Target>
  fields: Map<string, Drawn>
  /** The sections shown open (kept when the form is drawn again). */
  open: Set<string>
  timer?: ReturnType<typeof setTimeout>
  fixTimer?: ReturnType<typeof setTimeout>
  download?: string
  last?: FicheCheck
  fixes: Correction[]
  /** The summary's warnings unfolded. */
  warningsOpen: boolean
  step: number
  idTouched: boolean
  /** The registry's fiche being fetched to be opened (the last asked wins). */
  opening?: string
  /** A check is due (a pause in the typing awaited, or its corrections). */
  due?: boolean
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag)
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v)
  node.append(...children)
  return node
}

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T

/** French alphabetical order (one collator: localeCompare with a locale makes one per call, 10 ms per hundred names). */
const byFrench = new Intl.Collator('fr').compare

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

function folder(state: State): string {
  return state.context.config.collections[COLLECTION]
}

function fileOf(state: State): string {
  return `${folder(state)}/${state.id}.md`
}

/** Whether there is an id to check the fiche under (one with « / » is checked too: the checks say it is invalid). */
function idUsable(_state: Pick<State, 'context'>, id: string): boolean {
  return id !== ''
}

// ---------------------------------------------------------------------------
// Fields

/** `''` is how a fiche writes an empty text: shown as such, so that it is not taken for a missing field. */
function shown(value: unknown): string {
  if (value === undefined || value === null) return ''
  if (value === '') return "''"
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

function typed(text: string, field: Field): unknown {
  // As typed: spaces around a value are the checks' business (value/untrimmed), not silently dropped.
  if (text === '') return undefined
  if (text === "''") return ''
  if (field.kind === 'integer') return /^-?\d+$/.test(text) ? Number(text) : text
  return text
}

function hintOf(field: Field): string {
  // A list of choices shows its values already (by their labels): no example then.
  const example = field.example !== undefined && (field.kind === 'text' || field.kind === 'integer' || field.kind === 'list') ? ` Exemple : ${field.example}` : ''
  return `${field.description}${example}${field.required ? ' (obligatoire)' : ''}`.trim()
}

/** Hints where the schema's description lists the values a choice already shows by their names. */
const OWN_HINTS: [RegExp, string][] = [
  [/^\/phases\/\d+\/name$/, 'La phase du produit pendant cette période. (obligatoire)'],
  [/^\/events\/\d+\/name$/, 'Ce qui s’est passé. (obligatoire)'],
]

/** The legend of a phase in the timeline: « Phase 2 : Construction, depuis le 2 juin 2025 ». */
function phaseLegend(i: number, value: unknown): string {
  const p = (value ?? {}) as Phase
  const name = typeof p.name === 'string' && p.name ? ` : ${phaseLabel(p.name)}` : ''
  const start = typeof p.start === 'string' && isDay(p.start) ? p.start : undefined
  const end = typeof p.end === 'string' && isDay(p.end) ? p.end : undefined
  const when = start && end ? `, du ${frenchDate(start)} au ${frenchDate(end)}` : start ? `, depuis le ${frenchDate(start)}` : ''
  return `Phase ${i + 1}${name}${when}`
}

/** A field's name as the form shows it: its French name, then its key small (the key as written in the file). */
function nameNodes(name: string, key?: string): (Node | string)[] {
  return key ? [name, ' ', el('code', { class: 'editeur-cle' }, key)] : [name]
}

function messagesBox(state: State, pointer: string, name: string, focus: HTMLElement, control?: HTMLElement): HTMLElement {
  const box = el('div', { class: 'fr-messages-group', id: `${controlId(pointer)}-messages`, 'data-pointer': pointer })
  state.targets.set(pointer, { messages: box, focus, name, ...(control ? { control } : {}) })
  return box
}

function labelFor(id: string, name: string, key: string | undefined, hint: string): HTMLLabelElement {
  return el('label', { class: 'fr-label', for: id }, ...nameNodes(name, key), ...(hint ? [el('span', { class: 'fr-hint-text' }, hint)] : []))
}

function choiceOptions(state: State, field: Field & { kind: 'choice' }): [string, string][] {
  if (field.choices === 'rules') return LINT_RULES.map((r) => [r.id, `${checkLabelFr(r.id)} — règle ${r.id}`])
  const records = state.context.records.filter((r) => r.collection === field.choices)
  const options = records.map((r): [string, string] => {
    const name = String(r.data.title ?? r.data.name ?? r.id)
    return [field.reference === 'organisation-ref' ? `/organisations/${r.id}` : r.id, `${name} (${r.id})`]
  })
  return options.sort((a, b) => byFrench(a[1], b[1]))
}

/** The label of an enum's value: phases and events by their French names, vocabularies by theirs. */
function optionLabel(pointer: string, key: string, value: string): string {
  if (/^\/phases\/\d+\/name$/.test(pointer)) return PHASE_LABELS[value] ?? value
  if (/^\/events\/\d+\/name$/.test(pointer)) return EVENT_LABELS[value] ?? value
  return valueLabel(key, value)
}

function select(id: string, options: [string, string][], value: unknown, describedBy: string): HTMLSelectElement {
  const node = el('select', { class: 'fr-select', id, 'aria-describedby': describedBy })
  node.append(el('option', { value: '' }, '— non renseigné —'))
  const current = value === undefined ? '' : String(value)
  if (current !== '' && !options.some(([v]) => v === current)) options = [[current, `${current} (inconnu)`], ...options]
  for (const [v, label] of options) node.append(el('option', { value: v }, label))
  node.value = current
  return node
}

/** A list's items' noun (« phase »), and how to ask for one more (« Ajouter une phase »). */
function nounOf(key: string): { noun: string; add: string } {
  const n = ITEM_NOUNS[key]
  return n ? { noun: n.noun, add: `Ajouter ${n.article} ${n.noun}` } : { noun: 'valeur', add: 'Ajouter une valeur' }
}

/**
 * Draws one field at `pointer` with `value`, named `name` (and `key` shown small when
 * given); `changed` is called after every edit inside it.
 */
function drawField(state: State, field: Field, pointer: string, value: unknown, name: string, key: string | undefined, changed: () => void): Drawn {
  const id = controlId(pointer)
  // An item of a list says no more than its list (« Phase 2 »); a labelled choice needs no list of its values.
  const hint = /\/\d+$/.test(pointer) ? '' : (OWN_HINTS.find(([pattern]) => pattern.test(pointer))?.[1] ?? hintOf(field))
  if (field.kind === 'group' || field.kind === 'groups' || field.kind === 'list') {
    const legend = el('legend', { class: 'fr-fieldset__legend' }, ...nameNodes(name, key), ...(hint ? [el('span', { class: 'fr-hint-text' }, hint)] : []))
    const set = el('fieldset', { class: 'fr-fieldset', id, 'aria-describedby': `${id}-messages` }, legend)
    if (field.kind === 'group') {
      const object = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
      const parts = field.fields.map((f) => [f.key, drawField(state, f, `${pointer}/${f.key}`, object[f.key], f.name, f.key, changed)] as const)
      for (const [, part] of parts) set.append(el('div', { class: 'fr-fieldset__element' }, part.element))
      set.append(messagesBox(state, pointer, name, set, set))
      return {
        element: set,
        read() {
          const out: Record<string, unknown> = {}
          // Keys the form does not know are kept as they were.
          for (const [k, v] of Object.entries(object)) if (!field.fields.some((f) => f.key === k)) out[k] = v
          for (const [k, part] of parts) {
            const v = part.read()
            if (v !== undefined) out[k] = v
          }
          return Object.keys(out).length > 0 ? out : undefined
        },
      }
    }
    const item = field.item
    const listKey = pointer.split('/').pop()!
    const { noun, add: addText } = nounOf(listKey)
    const timeline = pointer === '/phases'
    const rows = timeline ? el('ol', { class: 'timeline editeur-timeline' }) : el('div', { class: 'editeur-lignes' })
    let drawn: Drawn[] = []
    const draw = (values: unknown[], focus?: number) => {
      rows.replaceChildren()
      drawn = values.map((v, i) => {
        const itemName = `${capital(noun)} ${i + 1}`
        // In the timeline, a phase's legend says which phase and when, and follows what is typed.
        const onChange = timeline ? () => {
          const legend = rows.children[i]?.querySelector('legend')
          if (legend) legend.textContent = phaseLegend(i, drawn[i]?.read())
          changed()
        } : changed
        const part = drawField(state, item, `${pointer}/${i}`, v, timeline ? phaseLegend(i, v) : itemName, undefined, onChange)
        const remove = el('button', { type: 'button', class: 'fr-btn fr-btn--sm fr-btn--tertiary editeur-retirer' }, `Retirer : ${itemName}`)
        remove.addEventListener('click', () => {
          const now = drawn.map((d) => d.read())
          now.splice(i, 1)
          draw(now, Math.min(i, now.length - 1))
          if (now.length === 0) add.focus()
          changed()
        })
        const current = timeline && i === values.length - 1
        rows.append(el(timeline ? 'li' : 'div', { class: timeline ? `timeline__item editeur-ligne${current ? ' timeline__item--current' : ''}` : 'fr-fieldset__element editeur-ligne' }, part.element, remove))
        return part
      })
      if (focus !== undefined && focus >= 0) rows.children[focus]?.querySelector<HTMLElement>('input, select, textarea')?.focus()
    }
    const add = el('button', { type: 'button', class: 'fr-btn fr-btn--sm fr-btn--secondary' }, addText)
    add.addEventListener('click', () => {
      const now = drawn.map((d) => d.read())
      now.push(undefined)
      draw(now, now.length - 1)
    })
    draw(Array.isArray(value) ? value : value === undefined ? [] : [value])
    set.append(timeline ? el('div', { class: 'fr-fieldset__element' }, rows) : rows)
    if (timeline) set.append(newPhaseWidget(state, () => drawn.map((d) => d.read()).filter((v) => v !== undefined) as Phase[], (phases, focus) => {
      draw(phases, focus)
      changed()
    }))
    else set.append(el('div', { class: 'fr-fieldset__element' }, add))
    set.append(messagesBox(state, pointer, name, set, set))
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
  if (field.kind === 'boolean') control = select(id, [['true', 'Oui'], ['false', 'Non']], value, describedBy)
  else if (field.kind === 'enum') control = select(id, field.options.map((o) => [o, optionLabel(pointer, field.key, o)]), value, describedBy)
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
  group.append(labelFor(id, name, key, hint), control, messagesBox(state, pointer, name, control, control))
  return {
    element: group,
    read() {
      const v = control.value
      if (control instanceof HTMLSelectElement && field.kind === 'boolean') return v === '' ? undefined : v === 'true'
      return typed(v, field)
    },
  }
}

/**
 * « Commencer une nouvelle phase »: the phase (the usual next one by default) and its start;
 * the current phase, still open, ends the day before (timeline.ts).
 */
function newPhaseWidget(state: State, phases: () => Phase[], done: (phases: Phase[], focus: number) => void): HTMLElement {
  const open = el('button', { type: 'button', class: 'fr-btn fr-btn--sm fr-btn--secondary', id: 'phase-commencer' }, 'Commencer une nouvelle phase')
  const name = select('phase-nouvelle-nom', Object.entries(PHASE_LABELS), undefined, 'phase-nouvelle-messages')
  const start = el('input', { class: 'fr-input', type: 'text', id: 'phase-nouvelle-debut', autocomplete: 'off', inputmode: 'numeric', 'aria-describedby': 'phase-nouvelle-aide phase-nouvelle-messages' })
  const help = el('span', { class: 'fr-hint-text', id: 'phase-nouvelle-aide' })
  const messages = el('div', { class: 'fr-messages-group', id: 'phase-nouvelle-messages', 'aria-live': 'polite' })
  const confirm = el('button', { type: 'button', class: 'fr-btn fr-btn--sm', id: 'phase-ajouter' }, 'Ajouter cette phase')
  const cancel = el('button', { type: 'button', class: 'fr-btn fr-btn--sm fr-btn--tertiary', id: 'phase-annuler' }, 'Annuler')
  const box = el(
    'fieldset',
    { class: 'fr-fieldset editeur-nouvelle-phase', id: 'phase-nouvelle', hidden: '' },
    el('legend', { class: 'fr-fieldset__legend' }, 'Nouvelle phase'),
    el('div', { class: 'fr-fieldset__element' }, el('div', { class: 'fr-select-group' }, el('label', { class: 'fr-label', for: 'phase-nouvelle-nom' }, 'Phase'), name)),
    el('div', { class: 'fr-fieldset__element' }, el('div', { class: 'fr-input-group' }, el('label', { class: 'fr-label', for: 'phase-nouvelle-debut' }, 'Début', help), start, messages)),
    el('div', { class: 'fr-fieldset__element' }, el('ul', { class: 'actions' }, el('li', {}, confirm), el('li', {}, cancel))),
  )
  const announce = el('p', { class: 'fr-text--sm', id: 'phase-annonce', role: 'status' })
  open.addEventListener('click', () => {
    const now = phases()
    const last = now[now.length - 1]
    name.value = nextPhaseName(now)
    start.value = ''
    messages.replaceChildren()
    help.textContent = last && !last.end && typeof last.start === 'string'
      ? `Une date sous la forme AAAA-MM-JJ. La phase en cours (${phaseLabel(String(last.name))}, depuis le ${frenchDate(last.start)}) se terminera la veille.`
      : 'Une date sous la forme AAAA-MM-JJ.'
    box.hidden = false
    open.hidden = true
    name.focus()
  })
  cancel.addEventListener('click', () => {
    box.hidden = true
    open.hidden = false
    open.focus()
  })
  confirm.addEventListener('click', () => {
    const day = start.value.trim()
    messages.replaceChildren()
    if (!name.value || !isDay(day)) {
      messages.append(el('p', { class: 'fr-message fr-message--error' }, name.value ? 'Écrivez une date du calendrier sous la forme AAAA-MM-JJ, par exemple 2025-03-03.' : 'Choisissez la phase.'))
      ;(name.value ? start : name).focus()
      return
    }
    const before = phases()
    const after = startPhase(before, name.value, day)
    const closed = before.length > 0 && after[before.length - 1]!.end !== before[before.length - 1]!.end ? after[before.length - 1] : undefined
    box.hidden = true
    open.hidden = false
    done(after, after.length - 1)
    announce.textContent = `Phase ${phaseLabel(name.value)} ajoutée à partir du ${frenchDate(day)}${closed ? ` ; la phase ${phaseLabel(String(closed.name))} se termine le ${frenchDate(String(closed.end))}` : ''}.`
  })
  return el('div', { class: 'fr-fieldset__element' }, open, box, announce)
}

/** A key the schema does not know: kept, shown and editable as text (YAML for a list or an object). */
function unknownField(state: State, key: string, value: unknown): HTMLElement {
  const pointer = `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`
  const id = controlId(pointer)
  const asText = typeof value === 'string'
  const hint = 'Le schéma ne connaît pas ce champ : il est gardé tel quel. Une faute de frappe ? Le message dit le nom attendu.'
  const control = asText
    ? el('input', { class: 'fr-input', type: 'text', id, autocomplete: 'off', spellcheck: 'false', 'aria-describedby': `${id}-messages` })
    : el('textarea', { class: 'fr-input editeur-yaml', id, rows: '3', spellcheck: 'false', 'aria-describedby': `${id}-messages` })
  control.value = asText ? value : dumpYaml(value).replace(/\n$/, '')
  const own = el('p', { class: 'fr-message fr-message--error', hidden: '' })
  control.addEventListener('input', () => {
    const parsed = asText ? { value: control.value } : yamlValue(control.value)
    own.hidden = parsed !== undefined
    own.textContent = parsed === undefined ? 'Ce texte n’est pas du YAML lisible : la fiche garde la valeur précédente.' : ''
    if (parsed === undefined) return
    state.changed.set(key, parsed.value)
    rebuild(state)
    textChanged(state)
  })
  const remove = el('button', { type: 'button', class: 'fr-btn fr-btn--sm fr-btn--tertiary' }, 'Retirer ce champ')
  remove.addEventListener('click', () => {
    state.changed.set(key, undefined)
    rebuild(state)
    drawForm(state)
    textChanged(state)
    $('section-autres')?.querySelector<HTMLElement>('summary')?.focus()
  })
  const group = el('div', { class: 'fr-input-group editeur-inconnu' }, labelFor(id, 'Champ inconnu du schéma', key, hint), control, own)
  group.append(messagesBox(state, pointer, `Champ inconnu « ${key} »`, control, control), remove)
  return group
}

/** A value written as YAML in a text box, read by the registry's own parser; undefined when it cannot be read. */
function yamlValue(text: string): { value: unknown } | undefined {
  const indented = text.split('\n').map((l) => `  ${l}`).join('\n')
  const doc = openFiche(`---\nvaleur:\n${indented}\n---\n`)
  return doc.data && Object.hasOwn(doc.data, 'valeur') && doc.problems.length === 0 ? { value: doc.data.valeur } : undefined
}

function idField(state: State): HTMLElement {
  const input = el('input', { class: 'fr-input', type: 'text', id: 'champ-identifiant', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'champ-identifiant-note champ-identifiant-messages' })
  input.value = state.id
  input.readOnly = state.existing
  input.addEventListener('input', () => {
    if (state.existing) return
    state.id = input.value.trim()
    // Named anew: the same text as opened, under its new file name; the form's values stay.
    if (idUsable(state, state.id)) state.base = openFiche(ficheText(state.base), fileOf(state), { collection: COLLECTION, limits: state.context.config.limits })
    rebuild(state)
    heading(state)
    textChanged(state)
  })
  const hint = state.existing
    ? 'Le nom du fichier de la fiche : il ne change pas (une autre adresse casserait les liens vers la page du produit).'
    : 'Le nom du fichier sans .md, en minuscules avec des tirets : il devient l’adresse de la page du produit. Exemple : mon-produit (obligatoire)'
  const messages = el('div', { class: 'fr-messages-group', id: 'champ-identifiant-messages' })
  state.targets.set('#id', { messages, control: input, focus: input, name: 'Identifiant' })
  return el(
    'div',
    { class: 'fr-input-group' },
    labelFor('champ-identifiant', 'Identifiant', undefined, hint),
    input,
    el('div', { id: 'champ-identifiant-note-boite', hidden: '' }, el('p', { class: 'fr-message fr-message--info', id: 'champ-identifiant-note' })),
    messages,
  )
}

function bodyField(state: State): HTMLElement {
  const area = el('textarea', { class: 'fr-input', id: 'champ-corps', rows: '12', 'aria-describedby': 'champ-corps-messages' })
  area.value = state.doc.body
  area.addEventListener('input', () => {
    state.body = area.value
    rebuild(state)
    textChanged(state)
  })
  const messages = el('div', { class: 'fr-messages-group', id: 'champ-corps-messages' })
  state.targets.set('#body', { messages, control: area, focus: area, name: 'Texte de présentation' })
  return el('div', { class: 'fr-input-group' }, labelFor('champ-corps', 'Texte de présentation', undefined, 'Ce qui suit l’en-tête, en markdown : le problème, la solution, la stratégie… Les titres s’écrivent « ## Titre ». L’aperçu de la page, plus bas, le montre mis en forme.'), area, messages)
}

function drawForm(state: State): void {
  const root = $('editeur-sections')
  state.targets.clear()
  state.fields.clear()
  root.replaceChildren()
  const data = state.doc.data ?? {}
  for (const section of SECTIONS) {
    const details = el('details', { class: 'editeur-section', id: `section-${section.id}`, 'data-section': section.id })
    details.open = state.open.has(section.id)
    details.addEventListener('toggle', () => (details.open ? state.open.add(section.id) : state.open.delete(section.id)))
    const summary = el('summary', { class: 'editeur-section__resume' }, el('h3', { class: 'editeur-section__titre fr-h5' }, section.title), el('span', { class: 'editeur-section__compte', id: `section-${section.id}-compte` }))
    const body = el('div', { class: 'editeur-section__corps' }, el('p', { class: 'fr-text--sm' }, section.intro))
    if (section.id === 'produit') body.append(idField(state))
    for (const key of section.id === 'autres' ? otherKeys() : section.keys) {
      const field = FIELDS.get(key)!
      const drawn = drawField(state, field, `/${key}`, data[key], field.name, key, () => fieldChanged(state, key))
      state.fields.set(key, drawn)
      body.append(drawn.element)
    }
    if (section.id === 'produit') body.append(bodyField(state))
    if (section.id === 'autres') for (const key of Object.keys(data).filter((k) => !SCHEMA_KEYS.has(k))) body.append(unknownField(state, key, data[key]))
    details.append(summary, body)
    root.append(details)
  }
  // The text model never rewrites a header it cannot read: the form waits.
  const frozen = state.doc.data === undefined
  for (const node of root.querySelectorAll<HTMLInputElement>('input, select, textarea, button')) node.disabled = frozen
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
    } catch {
      // A value YAML cannot hold: that field's lines stay as they were, the check still runs.
    }
  }
  state.doc = state.body === undefined ? doc : setBody(doc, state.body)
}

// ---------------------------------------------------------------------------
// Checks, the summary, the standards panel, the preview

function textChanged(state: State): void {
  const text = ficheText(state.doc)
  $<HTMLTextAreaElement>('editeur-texte').value = text
  updateActions(state, text)
  idNote(state)
  clearTimeout(state.timer)
  clearTimeout(state.fixTimer)
  // Checks wait for a pause in the typing; `data-pending` says one is due (the tests wait for it to go).
  document.body.dataset.pending = 'true'
  state.due = true
  state.timer = setTimeout(() => runChecks(state), CHECK_DELAY_MS)
}

/**
 * The check after a pause in the typing (or on opening), and the messages it shows: the page's
 * `editeur:pause` measure (the bench reads it). The preview and the corrections follow, each in a
 * task of its own (`editeur:apercu`, `editeur:corrections`).
 */
function runChecks(state: State): void {
  const start = performance.now()
  try {
    checkAndShow(state)
  } finally {
    performance.measure('editeur:pause', { start, end: performance.now() })
  }
}

function checkAndShow(state: State): void {
  const text = ficheText(state.doc)
  if (!idUsable(state, state.id)) {
    // No file name yet: nothing to check as a file of the registry.
    state.last = undefined
    state.fixes = []
    showIdProblem(state)
    state.due = false
    settle(state)
    return
  }
  const file = fileOf(state)
  // Performance marks (the browser's own timeline, for the bench and the curious): the check, what it shows, the corrections.
  const measure = <T>(name: string, fn: () => T): T => {
    const start = performance.now()
    try {
      return fn()
    } finally {
      performance.measure(`editeur:${name}`, { start, end: performance.now() })
    }
  }
  const check = measure('verification', () => checkFiche(text, file, state.context, 'fr', state.asOf))
  state.last = check
  state.fixes = []
  measure('messages', () => {
    showDiagnostics(state, check)
    showStandards(state, check)
  })
  // Once the messages are on screen, the preview, then the corrections (each one checked again),
  // each a task of its own: typing is never held up by more than one of them at a time.
  state.fixTimer = setTimeout(() => {
    measure('apercu', () => showPreview(state, check))
    state.fixTimer = setTimeout(() => {
      state.fixes = measure('corrections', () => corrections(text, file, check, state.context, state.asOf))
      if (state.fixes.length > 0) showDiagnostics(state, check)
      state.due = false
      settle(state)
    }, 0)
  }, 0)
}

function showIdProblem(state: State): void {
  clearMessages(state)
  const text = 'Donnez un identifiant à la fiche : le nom de son fichier, par exemple mon-produit.'
  state.targets.get('#id')?.messages.append(el('p', { class: 'fr-message fr-message--error' }, text))
  $('editeur-etat').textContent = text
  $('editeur-resume').replaceChildren()
  $('editeur-standards').replaceChildren()
  $('editeur-apercu').replaceChildren()
}

/** Where a diagnostic goes: its value's field (or the nearest group that has one), the identifier, the text, or the field its standard asks for. */
function targetOf(state: State, d: Diagnostic, bodyLine: number | undefined): Target | undefined {
  if (d.path !== undefined && d.path !== '') {
    let pointer = d.path
    while (pointer !== '') {
      const target = state.targets.get(pointer)
      if (target) return target
      pointer = pointer.slice(0, pointer.lastIndexOf('/'))
    }
  }
  if (d.ruleId.startsWith('id/')) return state.targets.get('#id')
  if (bodyLine !== undefined && d.line >= bodyLine) return state.targets.get('#body')
  const field = RULE_FIELDS[d.ruleId]
  if (field) return state.targets.get(field === '#body' ? '#body' : `/${field}`)
  return undefined
}

const sameDiagnostic = (a: Diagnostic, b: Diagnostic) => a.ruleId === b.ruleId && a.line === b.line && a.column === b.column && a.message === b.message

function applyButton(state: State, fix: Correction): HTMLButtonElement {
  const button = el('button', { type: 'button', class: 'fr-btn fr-btn--sm fr-btn--secondary editeur-appliquer' }, `Appliquer : ${fix.label}`)
  button.addEventListener('click', () => applyCorrection(state, fix))
  return button
}

function message(state: State, d: Diagnostic): HTMLElement {
  const error = d.severity === 'error'
  const p = el('div', { class: `fr-message fr-message--${error ? 'error' : 'warning'}`, 'data-rule': d.ruleId })
  // One child: DSFR lays a message out as a row (icon, content).
  const content = el('span', {}, `${error ? 'Erreur' : 'Avertissement'} : ${d.message} ${d.hint} `, el('code', {}, d.ruleId))
  const fix = state.fixes.find((f) => sameDiagnostic(f.diagnostic, d))
  if (fix) content.append(' ', applyButton(state, fix))
  p.append(content)
  return p
}

function clearMessages(state: State): void {
  for (const target of state.targets.values()) {
    target.messages.replaceChildren()
    target.control?.removeAttribute('aria-invalid')
    target.control?.closest('.fr-input-group')?.classList.remove('fr-input-group--error')
  }
  for (const count of document.querySelectorAll<HTMLElement>('.editeur-section__compte')) {
    count.textContent = ''
    count.className = 'editeur-section__compte'
  }
}

function countText(errors: number, warnings: number): string {
  if (errors === 0 && warnings === 0) return 'rien à corriger'
  return [errors > 0 ? plural(errors, 'erreur', 'erreurs') : '', warnings > 0 ? plural(warnings, 'avertissement', 'avertissements') : ''].filter(Boolean).join(', ')
}

function showDiagnostics(state: State, check: FicheCheck): void {
  clearMessages(state)
  const record = check.record
  const bodyLine = record ? record.text.slice(0, record.yamlEnd).split('\n').length + 1 : undefined
  const all = [...shownDiagnostics(check)].sort(compareDiagnostics)
  const counts = new Map<string, [number, number]>()
  const placed = new Map<Diagnostic, Target | undefined>()
  for (const d of all) {
    const target = targetOf(state, d, bodyLine)
    placed.set(d, target)
    if (!target) continue
    target.messages.append(message(state, d))
    if (d.severity === 'error' && target.control) {
      target.control.setAttribute('aria-invalid', 'true')
      target.control.closest('.fr-input-group')?.classList.add('fr-input-group--error')
    }
    const section = target.messages.closest<HTMLElement>('details.editeur-section')?.dataset.section
    if (section) {
      const c = counts.get(section) ?? [0, 0]
      c[d.severity === 'error' ? 0 : 1]++
      counts.set(section, c)
    }
  }
  for (const section of SECTIONS) {
    const [errors, warnings] = counts.get(section.id) ?? [0, 0]
    const node = $(`section-${section.id}-compte`)
    if (!node) continue
    node.textContent = countText(errors, warnings)
    node.className = `editeur-section__compte${errors > 0 ? ' editeur-section__compte--erreur' : warnings > 0 ? ' editeur-section__compte--avertissement' : ''}`
  }
  const errors = all.filter((d) => d.severity === 'error').length
  const warnings = all.length - errors
  const errorText = errors === 0 ? 'aucune erreur' : `${plural(errors, 'erreur', 'erreurs')} (la vérification refuserait la fiche)`
  const warningText = warnings === 0 ? 'aucun avertissement' : plural(warnings, 'avertissement', 'avertissements')
  $('editeur-etat').textContent = `${fileOf(state)} : ${errorText}, ${warningText}.`
  showSummary(state, all, placed)
}

/** Moves the focus to a field: opens its section, brings it into view. */
function reveal(target: Target | undefined, fallback?: HTMLElement): void {
  const node = target?.focus ?? fallback
  if (!node) return
  const details = node.closest('details')
  if (details && !details.open) details.open = true
  const focusable = node instanceof HTMLFieldSetElement ? (node.querySelector<HTMLElement>('input, select, textarea, button') ?? node) : node
  focusable.focus()
  focusable.scrollIntoView({ block: 'center' })
}

/** The error summary (DSFR's alert): every diagnostic, by line, linked to its field, with « Appliquer » when a correction is certain. */
function showSummary(state: State, all: readonly Diagnostic[], placed: ReadonlyMap<Diagnostic, Target | undefined>): void {
  const box = $('editeur-resume')
  box.replaceChildren()
  if (all.length === 0) {
    box.append(el('div', { class: 'fr-alert fr-alert--success fr-alert--sm' }, el('p', {}, 'Aucune erreur ni avertissement : la vérification accepterait la fiche telle quelle.')))
    return
  }
  const errors = all.filter((d) => d.severity === 'error')
  const warnings = all.filter((d) => d.severity === 'warning')
  const title = [errors.length > 0 ? plural(errors.length, 'erreur', 'erreurs') : '', warnings.length > 0 ? plural(warnings.length, 'avertissement', 'avertissements') : ''].filter(Boolean).join(' et ')
  const alert = el('div', { class: `fr-alert fr-alert--${errors.length > 0 ? 'error' : 'warning'} editeur-resume` })
  alert.append(
    el('h3', { class: 'fr-alert__title', id: 'editeur-resume-titre' }, `La fiche a ${title}`),
    el('p', {}, errors.length > 0 ? 'Les erreurs empêchent d’accepter la fiche : corrigez-les. Les avertissements disent ce qui manque au regard des standards.' : 'La vérification accepterait la fiche ; les avertissements disent ce qui manque encore au regard des standards.'),
  )
  const list = (heading: string, items: readonly Diagnostic[]) => {
    if (items.length === 0) return
    const ul = el('ul', { class: 'editeur-resume__liste' })
    for (const d of items) {
      const target = placed.get(d)
      // A missing field is reported on the first line: its name says more than « ligne 1 ».
      const where = target ? (d.path === undefined && d.line === 1 ? target.name : `${target.name}, ligne ${d.line}`) : `Ligne ${d.line}`
      const link = el('a', { class: 'fr-link', href: `#${target?.focus.id || 'editeur-texte'}` }, where)
      link.addEventListener('click', (event) => {
        event.preventDefault()
        if (!target) ($('editeur-texte-bloc') as HTMLDetailsElement).open = true
        reveal(target, $('editeur-texte'))
        if (!target) ($('editeur-texte-bloc') as HTMLDetailsElement).open = true
      })
      const li = el('li', { 'data-rule': d.ruleId, 'data-line': String(d.line), 'data-column': String(d.column), 'data-severity': d.severity }, link, ' : ', el('span', { class: 'editeur-resume__message' }, d.message), ' ', el('span', { class: 'fr-hint-text' }, `Pour corriger : ${d.hint} (règle ${d.ruleId})`))
      const fix = state.fixes.find((f) => sameDiagnostic(f.diagnostic, d))
      if (fix) li.append(applyButton(state, fix))
      ul.append(li)
    }
    if (items[0]!.severity === 'error') alert.append(el('h4', { class: 'fr-h6 fr-mb-1v' }, heading), ul)
    else alert.append(el('details', { class: 'editeur-resume__avertissements' }, el('summary', {}, `${heading} : ${items.length > 1 ? `voir les ${items.length}` : 'le voir'}`), ul))
  }
  list(errors.length > 1 ? 'Erreurs' : 'Erreur', errors)
  list(warnings.length > 1 ? 'Avertissements' : 'Avertissement', warnings)
  box.append(alert)
  // The warnings fold away (they can be many): the errors stay in sight.
  const fold = alert.querySelector<HTMLElement>('.editeur-resume__avertissements')
  if (fold) {
    const details = fold as HTMLDetailsElement
    details.open = state.warningsOpen
    details.addEventListener('toggle', () => (state.warningsOpen = details.open))
  }
}

function applyCorrection(state: State, fix: Correction): void {
  const focusId = fix.diagnostic.path !== undefined ? targetOf(state, fix.diagnostic, undefined)?.focus.id : undefined
  state.base = openFiche(fix.text, fileOf(state), { collection: COLLECTION, limits: state.context.config.limits })
  state.changed = new Map()
  state.body = undefined
  state.doc = state.base
  drawForm(state)
  textChanged(state)
  $('editeur-etat').textContent = `Correction appliquée : ${fix.label}.`
  const again = focusId ? document.getElementById(focusId) : null
  if (again) reveal({ focus: again, messages: again, name: '' })
  else $('editeur-resume').focus()
}

/** The standards panel: per category, what is complete and what is missing, with what to write and a link to the field. */
function showStandards(state: State, check: FicheCheck): void {
  const box = $('editeur-standards')
  box.replaceChildren()
  if (!check.record) {
    box.append(el('p', {}, 'La fiche ne peut pas être lue : corrigez d’abord les erreurs.'))
    return
  }
  box.append(el('p', { class: 'fr-text--sm' }, check.phase ? `Phase en cours : ${phaseLabel(check.phase)} (au ${frenchDate(state.asOf)}). Les standards qui s’appliquent à cette phase :` : 'La fiche ne donne pas encore de phase : seuls les standards de toutes les phases s’appliquent.'))
  const list = el('ul', { class: 'editeur-categories' })
  for (const category of CATEGORIES) {
    const outcomes = check.outcomes.filter((o) => o.rule.category === category)
    if (outcomes.length === 0) continue
    const failing = outcomes.filter((o) => o.result === 'failing')
    const met = outcomes.length - failing.length
    const item = el('li', { class: `editeur-categorie${failing.length === 0 ? ' editeur-categorie--complet' : ''}`, 'data-category': category })
    item.append(el('h4', { class: 'fr-h6 fr-mb-1v' }, `${categoryLabel(category, 'fr')} : ${failing.length === 0 ? 'complet' : `${plural(failing.length, 'vérification', 'vérifications')} à compléter`}`))
    item.append(el('p', { class: 'fr-text--xs fr-mb-1v' }, `${met} sur ${outcomes.length} remplies`))
    if (failing.length > 0) {
      const missing = el('ul', { class: 'editeur-manques' })
      for (const o of failing) {
        const standards = o.rule.standards.map((id: string) => standardById(id)?.title).filter(Boolean).join(' ; ')
        const li = el('li', { 'data-rule': o.rule.id }, el('p', { class: 'fr-text--bold fr-mb-0' }, checkLabelFr(o.rule.id)))
        if (standards) li.append(el('p', { class: 'fr-text--xs fr-mb-1v' }, `Standard : ${standards}`))
        for (const d of check.lint.filter((x) => x.ruleId === o.rule.id)) li.append(el('p', { class: 'fr-text--sm fr-mb-1v' }, d.message), el('p', { class: 'fr-text--sm fr-mb-1v' }, `À écrire : ${d.hint}`))
        const field = RULE_FIELDS[o.rule.id]
        const target = field ? state.targets.get(field === '#body' ? '#body' : `/${field}`) : undefined
        if (target) {
          const go = el('a', { class: 'fr-link fr-text--sm', href: `#${target.focus.id}` }, `Aller au champ « ${target.name} »`)
          go.addEventListener('click', (event) => {
            event.preventDefault()
            reveal(target)
          })
          li.append(go)
        }
        missing.append(li)
      }
      item.append(missing)
    }
    list.append(item)
  }
  box.append(list)
}

/** The checks are settled (`data-pending` goes) unless another is due or the preview's code is on its way. */
function settle(state: State): void {
  if (state.due || (previewLoading && !previewCode)) return
  delete document.body.dataset.pending
}

/**
 * The preview's code (preview.ts: the site's page code, the standards block, markdown-it): a chunk
 * of its own, fetched when the preview comes near the screen (watchPreview) rather than with the
 * page; from then on the preview follows every check.
 */
let previewCode: typeof import('./preview.ts') | undefined
let previewLoading: Promise<unknown> | undefined
/** Whether the preview has come near the screen (always, in a browser that cannot tell). */
let previewWanted = typeof IntersectionObserver === 'undefined'

function loadPreview(state: State): void {
  if (previewLoading) return
  document.body.dataset.pending = 'true'
  previewLoading = import('./preview.ts').then(
    (code) => {
      previewCode = code
      if (state.last) showPreview(state, state.last)
      settle(state)
    },
    () => {
      previewLoading = undefined
      $('editeur-apercu').replaceChildren(el('p', {}, 'L’aperçu n’a pas pu être chargé (réseau indisponible ?) : il reviendra à la prochaine vérification.'))
      settle(state)
    },
  )
}

/** Fetches the preview's code once the preview is about to be seen. */
function watchPreview(state: State): void {
  if (previewWanted) return
  const seen = new IntersectionObserver(
    (entries) => {
      if (!entries.some((e) => e.isIntersecting)) return
      seen.disconnect()
      previewWanted = true
      if (state.last?.record) loadPreview(state)
    },
    { rootMargin: '50% 0px' },
  )
  seen.observe($('editeur-apercu'))
}

function showPreview(state: State, check: FicheCheck): void {
  const box = $('editeur-apercu')
  if (!previewCode) {
    if (previewWanted && check.record) loadPreview(state)
    else if (!check.record) box.replaceChildren(el('p', {}, 'La fiche ne peut pas être lue : l’aperçu reviendra quand les erreurs de l’en-tête seront corrigées.'))
    else box.replaceChildren(el('p', {}, 'Chargement de l’aperçu…'))
    return
  }
  const markup = previewCode.previewHtml(check, state.context, state.asOf)
  if (markup === '') box.replaceChildren(el('p', {}, 'La fiche ne peut pas être lue : l’aperçu reviendra quand les erreurs de l’en-tête seront corrigées.'))
  // Made by the site's page code from escaped values (html.ts), headings moved down, links inert (preview.ts).
  else box.innerHTML = markup
}

// ---------------------------------------------------------------------------
// Proposing and saving

/** A new fiche under the name of one of the registry's: GitHub would refuse to create it. */
function idNote(state: State): void {
  const note = $('champ-identifiant-note')
  if (!note) return
  const taken = !state.existing && state.context.entries.some((e) => e.file === fileOf(state))
  $('champ-identifiant-note-boite').hidden = !taken
  note.textContent = taken ? `Une fiche du registre porte déjà l’identifiant « ${state.id} » : choisissez-en un autre, ou ouvrez cette fiche pour la modifier.` : ''
}

function updateActions(state: State, text: string): void {
  const config = state.registry.config
  const link = $<HTMLAnchorElement>('editeur-proposer')
  const p = idUsable(state, state.id) ? proposal({ repositoryUrl: config.repositoryUrl, branch: config.repositoryBranch, file: fileOf(state), text, existing: state.existing }) : undefined
  const note = $('editeur-proposer-note')
  if (p) {
    link.href = p.url
    link.removeAttribute('aria-disabled')
    note.textContent = p.instructions
  } else {
    link.removeAttribute('href')
    link.setAttribute('aria-disabled', 'true')
    note.textContent = config.repositoryUrl ? 'Donnez d’abord un identifiant à la fiche.' : 'L’adresse du dépôt n’est pas configurée (repositoryUrl dans registry.config.json) : téléchargez la fiche.'
  }
  const download = $<HTMLAnchorElement>('editeur-telecharger')
  if (state.download) URL.revokeObjectURL(state.download)
  state.download = URL.createObjectURL(new Blob([text], { type: 'text/markdown;charset=utf-8' }))
  download.href = state.download
  download.download = `${state.id || 'fiche'}.md`
}

function heading(state: State): void {
  const title = state.doc.data?.title
  $('editeur-titre-fiche').textContent = typeof title === 'string' && title.trim() !== '' ? title : state.existing ? state.id : 'Nouvelle fiche'
  $('editeur-fichier').textContent = state.existing ? `Fichier ${fileOf(state)}, du registre.` : `Nouvelle fiche : ${state.id ? fileOf(state) : 'sans identifiant pour l’instant'}.`
}

// ---------------------------------------------------------------------------
// Opening, and the three steps of a new fiche

type Panel = 'accueil' | 'creation' | 'fiche'

function showPanel(panel: Panel): void {
  for (const p of ['accueil', 'creation', 'fiche'] as const) $(`editeur-${p}`).hidden = p !== panel
}

function open(state: State, text: string, id: string, existing: boolean): void {
  state.opening = undefined
  state.id = id
  state.existing = existing
  const file = idUsable(state, id) ? fileOf(state) : `${folder(state)}/nouvelle-fiche.md`
  state.base = state.doc = openFiche(text, file, { collection: COLLECTION, limits: state.context.config.limits })
  state.changed = new Map()
  state.body = undefined
  state.fixes = []
  showPanel('fiche')
  drawForm(state)
  heading(state)
  textChanged(state)
  clearTimeout(state.timer)
  runChecks(state)
  history.replaceState(null, '', existing ? `?fiche=${encodeURIComponent(id)}` : location.pathname)
}

const STEPS = ['Le produit et son équipe', 'Où en est le produit', 'Ses liens'] as const
const ASKED = ['id', 'title', 'mission', 'incubator', 'sponsor', 'contact', 'phase', 'start', 'link', 'repository', 'stats_url'] as const

function answers(): NewFicheAnswers & { id: string } {
  const value = (k: string) => $<HTMLInputElement>(`creation-${k}`).value
  return Object.fromEntries(ASKED.map((k) => [k, value(k)])) as unknown as NewFicheAnswers & { id: string }
}

/** Where a diagnostic of the new fiche belongs among the three steps' fields. */
function askedFor(d: Diagnostic): string | undefined {
  if (d.ruleId.startsWith('id/')) return 'id'
  const top = (d.path ?? '').split('/')[1]
  if (top === 'sponsors') return 'sponsor'
  if (top === 'phases') return /\/name$/.test(d.path ?? '') ? 'phase' : 'start'
  return ASKED.find((k) => k === top)
}

function showStep(state: State): void {
  const step = state.step
  for (let i = 1; i <= 3; i++) $(`creation-etape-${i}`).hidden = i !== step
  $('creation-etapes').setAttribute('data-fr-current-step', String(step))
  $('creation-etape-nom').textContent = STEPS[step - 1]!
  $('creation-etape-etat').textContent = `Étape ${step} sur 3`
  $('creation-etape-suivante').hidden = step === 3
  $('creation-etape-suivante-nom').textContent = STEPS[step] ?? ''
  $('creation-retour').hidden = step === 1
  $('creation-suite').textContent = step === 3 ? 'Créer la fiche' : 'Continuer'
  $('creation-resume').replaceChildren()
}

/** The step's errors, from the registry's own checks of the fiche the answers make (and a name already taken, a phase not chosen). */
function stepErrors(state: State): { field: string; text: string; rule: string }[] {
  const a = answers()
  const asked = new Set(STEP_FIELDS.slice(0, state.step).flat())
  const out: { field: string; text: string; rule: string }[] = []
  const id = a.id.trim()
  if (!idUsable(state, id)) out.push({ field: 'id', rule: 'id', text: 'Donnez un identifiant : le nom du fichier de la fiche, par exemple mon-produit.' })
  else if (state.context.entries.some((e) => e.file === `${folder(state)}/${id}.md`)) out.push({ field: 'id', rule: 'id', text: `Une fiche du registre porte déjà l’identifiant « ${id} » : choisissez-en un autre.` })
  // What the step needs, said in its words (the checks would say « the required field title is missing »).
  const needed: [string, string][] = [['title', 'Donnez le nom du produit.'], ['mission', 'Écrivez le pitch du produit, en une phrase.'], ['incubator', 'Choisissez l’incubateur du produit.'], ['phase', 'Choisissez la phase où en est le produit aujourd’hui.'], ['start', 'Donnez la date où cette phase a commencé, sous la forme AAAA-MM-JJ.']]
  for (const [field, text] of needed) if (asked.has(field) && (a as unknown as Record<string, string>)[field]!.trim() === '') out.push({ field, rule: 'required', text })
  const file = idUsable(state, id) ? `${folder(state)}/${id}.md` : `${folder(state)}/nouvelle-fiche.md`
  const check = checkFiche(newFicheText(a), file, state.context, 'fr', state.asOf)
  for (const d of shownDiagnostics(check)) {
    const field = askedFor(d)
    if (d.severity !== 'error' || field === undefined || !asked.has(field) || out.some((e) => e.field === field)) continue
    out.push({ field, rule: d.ruleId, text: `${d.message} ${d.hint}` })
  }
  return out
}

function showStepErrors(errors: { field: string; text: string; rule: string }[]): void {
  for (const k of ASKED) {
    $(`creation-${k}-messages`).replaceChildren()
    $(`creation-${k}`).removeAttribute('aria-invalid')
    $(`creation-${k}-groupe`).classList.remove('fr-input-group--error')
  }
  const summary = $('creation-resume')
  summary.replaceChildren()
  if (errors.length === 0) return
  const list = el('ul')
  for (const e of errors) {
    $(`creation-${e.field}-messages`).append(el('p', { class: 'fr-message fr-message--error', 'data-rule': e.rule }, e.text))
    $(`creation-${e.field}`).setAttribute('aria-invalid', 'true')
    $(`creation-${e.field}-groupe`).classList.add('fr-input-group--error')
    const label = $(`creation-${e.field}-groupe`).querySelector('label')?.firstChild?.textContent ?? e.field
    const link = el('a', { class: 'fr-link', href: `#creation-${e.field}` }, label)
    link.addEventListener('click', (event) => {
      event.preventDefault()
      $(`creation-${e.field}`).focus()
    })
    list.append(el('li', {}, link, ` : ${e.text}`))
  }
  summary.append(el('div', { class: 'fr-alert fr-alert--error fr-alert--sm' }, el('h3', { class: 'fr-alert__title' }, errors.length > 1 ? `${errors.length} réponses à corriger` : 'Une réponse à corriger'), list))
  summary.focus()
}

function startCreation(state: State): void {
  state.step = 1
  state.idTouched = false
  $<HTMLFormElement>('creation-formulaire').reset()
  showStepErrors([])
  showStep(state)
  showPanel('creation')
  history.replaceState(null, '', location.pathname)
  $('editeur-creation-titre').focus()
}

function setUpCreation(state: State): void {
  const fill = (id: string, options: [string, string][], empty: string) => {
    const node = $<HTMLSelectElement>(id)
    node.append(el('option', { value: '' }, empty), ...options.map(([v, label]) => el('option', { value: v }, label)))
  }
  const named = (c: string) => state.context.records.filter((r) => r.collection === c).map((r): [string, string] => [r.id, String(r.data.title ?? r.data.name ?? r.id)]).sort((a, b) => byFrench(a[1], b[1]))
  fill('creation-incubator', named('incubators'), '— choisissez l’incubateur —')
  fill('creation-sponsor', named('organisations'), '— aucune pour l’instant —')
  fill('creation-phase', Object.entries(PHASE_LABELS), '— choisissez la phase —')
  const title = $<HTMLInputElement>('creation-title')
  const id = $<HTMLInputElement>('creation-id')
  id.addEventListener('input', () => (state.idTouched = id.value !== ''))
  title.addEventListener('input', () => {
    if (!state.idTouched) id.value = slugOf(title.value)
  })
  $('creation-formulaire').addEventListener('submit', (event) => {
    event.preventDefault()
    const errors = stepErrors(state)
    showStepErrors(errors)
    if (errors.length > 0) return
    if (state.step < 3) {
      state.step++
      showStep(state)
      $('creation-etape-titre').focus()
      return
    }
    const a = answers()
    open(state, newFicheText(a), a.id.trim(), false)
    $('editeur-titre-fiche').focus()
  })
  $('creation-retour').addEventListener('click', () => {
    state.step = Math.max(1, state.step - 1)
    showStep(state)
    $('creation-etape-titre').focus()
  })
  $('creation-annuler').addEventListener('click', () => {
    showPanel('accueil')
    $('editeur-accueil-titre').focus()
  })
}

/** Opens the registry's fiche `id` once its text is here; says so on the start panel when it cannot be fetched (offline, never opened). */
async function openStored(state: State, id: string): Promise<boolean> {
  const status = $('editeur-ouvrir-etat')
  const say = (text: string) => void (status.textContent = text)
  state.opening = id
  // The tests (and the curious) wait for this to go: the text, then its checks.
  document.body.dataset.pending = 'true'
  say('')
  const slow = setTimeout(() => say('Chargement de la fiche…'), 300)
  try {
    const text = await state.downloads.text(id)
    if (state.opening !== id) return false
    say('')
    open(state, text, id, true)
    return true
  } catch (err) {
    if (state.opening !== id) return false
    delete document.body.dataset.pending
    say(`La fiche « ${id} » n’a pas pu être chargée (${String((err as Error)?.message ?? err)}) : vérifiez la connexion, puis réessayez.`)
    showPanel('accueil')
    return false
  } finally {
    clearTimeout(slow)
  }
}

async function start(registry: ShippedRegistry, downloads: Downloads): Promise<void> {
  const context = contextOf(registry)
  const empty = openFiche('', 'startups/nouvelle-fiche.md')
  const state: State = {
    registry, downloads, context, asOf: today(), base: empty, changed: new Map(), doc: empty, existing: false, id: '',
    targets: new Map(), fields: new Map(), open: new Set(), fixes: [], warningsOpen: false, step: 1, idTouched: false,
  }
  const list = $<HTMLSelectElement>('editeur-liste')
  const startups = context.records.filter((r) => r.collection === COLLECTION && ficheTextPath(r.id) !== undefined)
  const title = (r: (typeof startups)[number]) => String(r.data.title ?? r.id)
  for (const r of [...startups].sort((a, b) => byFrench(title(a), title(b)))) list.append(el('option', { value: r.file }, `${title(r)} (${r.id})`))
  setUpCreation(state)
  watchPreview(state)
  $('editeur-nouvelle').addEventListener('click', () => startCreation(state))
  $('editeur-ouvrir').addEventListener('click', async () => {
    const r = startups.find((s) => s.file === list.value)
    if (r && (await openStored(state, r.id))) $('editeur-titre-fiche').focus()
  })
  $('editeur-coller-ouvrir').addEventListener('click', () => {
    const text = $<HTMLTextAreaElement>('editeur-coller').value
    const id = $<HTMLInputElement>('editeur-coller-id').value.trim()
    open(state, text, id, startups.some((s) => s.id === id))
    $('editeur-titre-fiche').focus()
  })
  $('editeur-changer').addEventListener('click', () => {
    showPanel('accueil')
    history.replaceState(null, '', location.pathname)
    $('editeur-accueil-titre').focus()
  })
  $('editeur-formulaire').addEventListener('submit', (e) => e.preventDefault())
  $<HTMLAnchorElement>('editeur-proposer').addEventListener('click', () => {
    // An existing fiche: GitHub's edit page cannot be filled from a link; the text goes to the clipboard.
    if (state.existing) void navigator.clipboard?.writeText(ficheText(state.doc)).catch(() => undefined)
  })
  // For the tests and the curious: the current text and the last check.
  ;(globalThis as { editeur?: unknown }).editeur = { text: () => ficheText(state.doc), check: () => state.last, fixes: () => state.fixes, getField: (k: string) => getField(state.doc, k) }
  $('editeur-pret').hidden = false
  $('editeur-chargement').hidden = true
  // editer/?fiche=<id> opens that fiche of the registry (a link from its page).
  const asked = startups.find((s) => s.id === new URLSearchParams(location.search).get('fiche'))
  if (asked) {
    list.value = asked.file
    await openStored(state, asked.id)
  } else showPanel('accueil')
  document.body.dataset.editor = 'ready'
}

/**
 * Offline reloads (sw.js, next to the page): optional, the page works without it. On a first
 * visit the worker starts after the page fetched its files: the page lists them (from the
 * browser's own record of what it fetched) and the worker copies them from the browser's cache.
 */
function offlineCopies(): void {
  const workers = navigator.serviceWorker
  if (!workers) return
  const firstVisit = !workers.controller
  workers
    .register('sw.js')
    .then(() => workers.ready)
    .then((registration) => {
      if (!firstVisit) return
      const keep = () => {
        const fetched = performance.getEntriesByType('resource').map((e) => e.name)
        registration.active?.postMessage({ keep: [location.href, ...fetched] })
      }
      // Now, and once more when the page has been quiet a while (a fiche opened meanwhile, the preview's code).
      keep()
      setTimeout(keep, 5000)
    })
    .catch(() => undefined)
}

/** Starts the editor (boot.ts, the page's script, gives the registry's summary on its way). */
export async function startEditor(downloads: Downloads): Promise<void> {
  // The page's script runs before the page is read to its end (async): the form needs all of it.
  if (document.readyState === 'loading') await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }))
  let shipped: ShippedRegistry
  try {
    shipped = await downloads.registry
  } catch (err) {
    $('editeur-chargement').textContent = `L’éditeur n’a pas pu charger le registre (${String((err as Error)?.message ?? err)}). Rechargez la page.`
    return
  }
  await start(shipped, downloads)
  offlineCopies()
}
