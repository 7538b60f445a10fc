/**
 * The contributors' field reference (docs/champs.md), generated from the
 * fiche schemas; a test checks that the committed file is up to date.
 */
import type { Collection } from '../load/config.ts'
import { COMMON_SCHEMA, FICHE_SCHEMAS, type JsonSchema } from '../validate/schemas.ts'

const TITLES: Record<Collection, string> = {
  startups: 'Startups (`startups/<identifiant>.md`)',
  organisations: 'Organisations (`organisations/<identifiant>.md`)',
  incubators: 'Incubateurs (`incubators/<identifiant>.md`)',
}

const FORMAT_WORDS: Record<string, string> = {
  date: 'date AAAA-MM-JJ',
  email: 'adresse électronique',
  'url-or-empty': "adresse web (https://…) ou ''",
  'non-blank': 'texte non vide',
  'organisation-ref': '/organisations/<id>',
  'organisation-ref-or-empty': "/organisations/<id> ou ''",
  'absolute-path': 'chemin /…',
  'member-id': 'identifiant de membre',
}

function resolve(schema: JsonSchema, owner: JsonSchema): JsonSchema {
  const ref: string | undefined = schema.$ref
  if (!ref) return schema
  const [file, pointer] = ref.split('#')
  const base = file ? COMMON_SCHEMA : owner
  const target = pointer!.split('/').slice(1).reduce((node: any, key: string) => node?.[key], base)
  return { ...resolve(target, owner), ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$ref')) }
}

function typeOf(schema: JsonSchema, owner: JsonSchema): string {
  const s = resolve(schema, owner)
  if (s.enum) return s.enum.map((v: unknown) => `\`${v}\``).join(', ')
  if (s.type === 'array') {
    const items = resolve(s.items ?? {}, owner)
    return items.type === 'object' ? "liste d’objets" : `liste (${typeOf(items, owner)})`
  }
  if (s.type === 'object') return 'objet'
  if (s.format) return FORMAT_WORDS[s.format] ?? s.format
  return ({ string: 'texte', boolean: 'true / false', integer: 'nombre entier', number: 'nombre' } as Record<string, string>)[s.type] ?? String(s.type)
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ')
const example = (v: unknown) => (v === undefined ? '' : `\`${typeof v === 'string' ? (v === '' ? "''" : v) : JSON.stringify(v)}\``)

function table(schema: JsonSchema, owner: JsonSchema, prefix: string, rows: string[]): void {
  const required = new Set<string>(schema.required ?? [])
  for (const [key, raw] of Object.entries<JsonSchema>(schema.properties ?? {})) {
    const s = resolve(raw, owner)
    rows.push(`| \`${prefix}${key}\` | ${required.has(key) ? 'oui' : 'non'} | ${cell(typeOf(raw, owner))} | ${cell(s.description ?? '')} | ${cell(example(s.examples?.[0]))} |`)
    const items = s.type === 'array' ? resolve(s.items ?? {}, owner) : undefined
    if (s.type === 'object' && s.properties) table(s, owner, `${prefix}${key}.`, rows)
    if (items?.type === 'object' && items.properties) table(items, owner, `${prefix}${key}[].`, rows)
  }
}

export function fieldReference(): string {
  const out = [
    '# Référence des champs des fiches',
    '',
    '<!-- Généré par `npm run docs` à partir de schemas/ : ne pas modifier à la main. -->',
    '',
    "Chaque fiche est un fichier markdown qui commence par un en-tête YAML entre deux lignes `---`. L’identifiant d’une fiche est le nom de son fichier sans `.md`. Un champ inconnu est une erreur (avec une suggestion en cas de faute de frappe). Les dates s’écrivent `AAAA-MM-JJ` et doivent exister dans le calendrier.",
    '',
  ]
  for (const collection of ['startups', 'organisations', 'incubators'] as const) {
    const schema = FICHE_SCHEMAS[collection]
    out.push(`## ${TITLES[collection]}`, '', schema.description, '', '| Champ | Obligatoire | Type | Description | Exemple |', '| --- | --- | --- | --- | --- |')
    const rows: string[] = []
    table(schema, schema, '', rows)
    out.push(...rows, '')
  }
  return out.join('\n')
}
