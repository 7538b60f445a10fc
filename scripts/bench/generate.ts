/**
 * Deterministic generator of synthetic registries for the benchmark: a seeded
 * PRNG drives a realistic mix of fields (frequencies taken from the real
 * beta.gouv.fr corpus), bodies of a few KB, organisations and incubators, and
 * a synthetic git history written with `git fast-import`.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const WORDS = (
  'service public numérique usagers administration agents démarche simplifier accompagner territoire collectivité ' +
  'données impact équipe produit investigation construction accélération accessibilité sécurité ' +
  'formulaire dossier demande aide subvention emploi santé éducation justice culture agriculture environnement ' +
  'logement transport mobilité énergie eau déchets école bibliothèque tribunal préfecture mairie département région ' +
  'citoyens entreprises associations bénéficiaires délai traitement instruction information orientation contrôle'
).split(' ')
const PHASES = ['investigation', 'construction', 'acceleration', 'consolidation', 'transfere', 'opere', 'abandon', 'abandon-investigation']
const EVENTS = ['committee', 'product_launch', 'other', 'end', 'fast', 'national_impact', 'eig']
const USERTYPES = ['etat', 'particulier', 'collectivite-territoriale', 'entreprise', 'association', 'etablissement-scolaire', 'parlement']
const DOMAINES = ['agriculture', 'armees', 'autres', 'bercy', 'culture', 'education', 'environnement', 'interieur', 'justice', 'solidarite-sante', 'spm', 'territoires', 'travail']
const TYPES = ['administration-centrale', 'autre', 'collectivite-territoriale', 'operateur', 'securite-sociale', 'service-deconcentre']

export interface GenerateOptions {
  startups: number
  seed: number
  /** Commits of the synthetic history (0: no git repository). */
  commits: number
}

export interface Generated {
  root: string
  files: string[]
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!
}
function chance(rand: () => number, p: number): boolean {
  return rand() < p
}
function sentence(rand: () => number, min: number, max: number): string {
  const n = min + Math.floor(rand() * (max - min + 1))
  const words = Array.from({ length: n }, () => pick(rand, WORDS))
  return words.join(' ').replace(/^./, (c) => c.toUpperCase())
}
function date(rand: () => number, fromYear: number, span: number): string {
  const day = Math.floor(rand() * span * 365)
  return new Date(Date.UTC(fromYear, 0, 1 + day)).toISOString().slice(0, 10)
}
function body(rand: () => number): string {
  const sections = ['Contexte', 'Problème', 'Solution', 'Stratégie']
  const target = 1500 + Math.floor(rand() * 4000)
  let out = ''
  while (out.length < target) {
    for (const s of sections) out += `## ${s}\n\n${sentence(rand, 40, 90)}.\n\n${sentence(rand, 20, 60)}.\n\n`
  }
  return out
}

/** Bodies are drawn from a pool: generating 50k distinct texts would dominate the benchmark's run time. */
const BODY_POOL = 400

export function startupFiche(rand: () => number, i: number, incubators: number, organisations: number, bodies: readonly string[]): string {
  const lines = ['---', `title: ${sentence(rand, 1, 4)} ${i}`, `mission: ${sentence(rand, 8, 20)}`, `incubator: incubateur-${Math.floor(rand() * incubators)}`]
  if (chance(rand, 0.95)) {
    lines.push('sponsors:')
    const sponsors = new Set(Array.from({ length: 1 + Math.floor(rand() * 2) }, () => Math.floor(rand() * organisations)))
    for (const o of sponsors) lines.push(`  - /organisations/organisation-${o}`)
  }
  lines.push(`contact: equipe-${i}@beta.gouv.fr`)
  lines.push(chance(rand, 0.5) ? `link: https://produit-${i}.beta.gouv.fr` : "link: ''")
  if (chance(rand, 0.45)) lines.push(`repository: https://github.com/betagouv/produit-${i}`)
  lines.push('phases:')
  let year = 2016 + Math.floor(rand() * 8)
  const count = 1 + Math.floor(rand() * 4)
  const names = [...PHASES].sort(() => rand() - 0.5).slice(0, count)
  for (const name of names) {
    const start = date(rand, year, 1)
    lines.push(`  - name: ${name}`, `    start: ${start}`)
    year++
  }
  if (chance(rand, 0.47)) {
    lines.push('events:')
    for (let k = 0, n = 1 + Math.floor(rand() * 4); k < n; k++) {
      lines.push(`  - name: ${pick(rand, EVENTS)}`, `    date: ${date(rand, 2017, 8)}`)
      if (chance(rand, 0.5)) lines.push(`    comment: ${sentence(rand, 3, 10)}`)
    }
  }
  if (chance(rand, 0.5)) lines.push(`stats: ${chance(rand, 0.5)}`)
  if (chance(rand, 0.3)) lines.push(`stats_url: https://produit-${i}.beta.gouv.fr/stats`)
  if (chance(rand, 0.2)) lines.push(`budget_url: https://produit-${i}.beta.gouv.fr/budget`)
  if (chance(rand, 0.4)) lines.push(`accessibility_status: ${pick(rand, ['non conforme', 'partiellement conforme', 'totalement conforme'])}`)
  if (chance(rand, 0.26)) lines.push(`analyse_risques: ${chance(rand, 0.5)}`)
  if (chance(rand, 0.25)) lines.push(`mon_service_securise: ${chance(rand, 0.5)}`)
  if (chance(rand, 0.7)) lines.push('techno:', ...Array.from({ length: 1 + Math.floor(rand() * 4) }, () => `  - ${pick(rand, ['ruby on rails', 'typescript', 'python', 'django', 'postgresql', 'react', 'vue'])}`))
  if (chance(rand, 0.88)) lines.push('usertypes:', ...[...new Set(Array.from({ length: 1 + Math.floor(rand() * 2) }, () => pick(rand, USERTYPES)))].map((u) => `  - ${u}`))
  if (chance(rand, 0.73)) lines.push('thematiques:', ...Array.from({ length: 1 + Math.floor(rand() * 3) }, () => `  - ${sentence(rand, 1, 2)}`))
  if (chance(rand, 0.07)) lines.push('fast:', `  promotion: ${1 + Math.floor(rand() * 15)}`, `  montant: ${10000 * (1 + Math.floor(rand() * 30))}`)
  lines.push('---', bodies[Math.floor(rand() * bodies.length)]!)
  return lines.join('\n')
}

/**
 * The fiches of a registry of `startups` startups (and proportionate organisations and
 * incubators), as [repository-relative path, text], drawn from `rand`: what `generate` writes,
 * for a test that needs them in memory.
 */
export function syntheticFiles(rand: () => number, startups: number): [string, string][] {
  const organisations = Math.max(6, Math.round(startups * 0.22))
  const incubators = Math.max(3, Math.round(startups * 0.035))
  const files: [string, string][] = []
  for (let i = 0; i < organisations; i++) {
    files.push([
      `organisations/organisation-${i}.md`,
      ['---', `name: ${sentence(rand, 3, 8)}`, `acronym: ORG${i}`, `domaine_ministeriel: ${pick(rand, DOMAINES)}`, `type: ${pick(rand, TYPES)}`, '---', ''].join('\n'),
    ])
  }
  for (let i = 0; i < incubators; i++) {
    files.push([
      `incubators/incubateur-${i}.md`,
      [
        '---',
        `title: Incubateur ${sentence(rand, 1, 3)}`,
        `owner: /organisations/organisation-${Math.floor(rand() * organisations)}`,
        `contact: incubateur-${i}@beta.gouv.fr`,
        `website: https://incubateur-${i}.beta.gouv.fr`,
        `github: https://github.com/incubateur-${i}`,
        `short_description: ${sentence(rand, 8, 20)}`,
        '---',
        sentence(rand, 40, 80),
        '',
      ].join('\n'),
    ])
  }
  const bodies = Array.from({ length: BODY_POOL }, () => body(rand))
  for (let i = 0; i < startups; i++) files.push([`startups/startup-${String(i).padStart(6, '0')}.md`, startupFiche(rand, i, incubators, organisations, bodies)])
  return files
}

/** Writes a registry of `startups` startups (and proportionate organisations and incubators) under `root`. */
export function generate(root: string, options: GenerateOptions): Generated {
  const rand = mulberry32(options.seed)
  for (const d of ['startups', 'organisations', 'incubators']) mkdirSync(path.join(root, d), { recursive: true })
  const files = syntheticFiles(rand, options.startups)
  // The history changes some files: the work tree gets their last version, once.
  const final = options.commits > 0 ? history(root, files, options.commits, rand) : new Map(files)
  for (const [file, text] of final) writeFileSync(path.join(root, file), text)
  if (options.commits > 0) {
    // The index as a clone or a CI checkout leaves it: every entry, its stat data, and the cache
    // of tree ids (read-tree builds it; `reset` into an empty index did not, and git status then
    // compared HEAD's whole tree with the index: 110 to 176 ms of its 220 to 310 ms at 50k).
    execFileSync('git', ['-C', root, 'read-tree', 'main'])
    execFileSync('git', ['-C', root, 'update-index', '-q', '--refresh'])
  }
  return { root, files: files.map(([f]) => f) }
}

/**
 * A git history made with fast-import: a first commit with every file, then
 * `commits` commits that each touch a few startups (dates increasing).
 * Returns the last version of every file. Blobs are stored without delta
 * search (--big-file-threshold=1): what the history measures is `git log`,
 * not the packing, and deltas made generation minutes long at 50k.
 */
function history(root: string, files: [string, string][], commits: number, rand: () => number): Map<string, string> {
  const final = new Map(files)
  execFileSync('git', ['init', '-q', '-b', 'main', root])
  const chunks: string[] = []
  let mark = 0
  const commit = (time: number, changes: [string, string][], message: string) => {
    const marks: [string, number][] = []
    for (const [file, text] of changes) {
      const m = ++mark
      const bytes = Buffer.byteLength(text)
      chunks.push(`blob\nmark :${m}\ndata ${bytes}\n${text}\n`)
      marks.push([file, m])
    }
    const msg = Buffer.byteLength(message)
    chunks.push(`commit refs/heads/main\ncommitter Bench <bench@example.org> ${time} +0000\ndata ${msg}\n${message}\n`)
    for (const [file, m] of marks) chunks.push(`M 100644 :${m} ${file}\n`)
    chunks.push('\n')
  }
  const start = 1_500_000_000
  commit(start, files, 'Initial import')
  const startups = files.filter(([f]) => f.startsWith('startups/'))
  for (let c = 1; c <= commits; c++) {
    const touched: [string, string][] = []
    for (let k = 0, n = 1 + Math.floor(rand() * 3); k < n; k++) {
      const [file] = startups[Math.floor(rand() * startups.length)]!
      const text = `${final.get(file)}\nMise à jour ${c}.\n`
      final.set(file, text)
      touched.push([file, text])
    }
    commit(start + c * 3600, touched, `Mise à jour ${c}`)
  }
  execFileSync('git', ['-C', root, 'fast-import', '--quiet', '--big-file-threshold=1'], { input: chunks.join(''), maxBuffer: 1 << 30 })
  return final
}
