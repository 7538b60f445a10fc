/**
 * The core rules the registry reports (file, YAML, schema, references,
 * phases, history), with their default severity and their words in French
 * (the default) and English, and the shape of a rule catalogue: the core
 * rules plus the standards lint rules, which carry their own words in their
 * files (lint/rule-catalogue.ts puts both together). The catalogue is the
 * single source for the messages, the hints and the rules reference
 * (docs/regles.md, generated). Imports nothing of the stages.
 */
import type { Lang, Severity } from './diagnostic.ts'
import { q, qe, show } from './show.ts'

export { show }

type Data = Record<string, unknown>
type Text = (d: Data) => string

export interface RuleText {
  message: Text
  hint: Text
}

export interface RuleEntry {
  severity: Severity
  /** Whether registry.config.json may change the severity (default: warnings, ref/* and phases/*). */
  configurable?: boolean
  /** What the rule checks, for the reference (French). */
  description: string
  fr: RuleText
  en: RuleText
  /** Whether its diagnostics carry an automatic fix when the correction is certain (`registry fix` applies it; docs/regles.md says so). */
  fixable?: boolean
  /** A standards lint rule's category (a category of the standards catalogue, or value hygiene); absent for a core rule. */
  category?: string
  /** A standards lint rule that takes options: checks them (registry.config.json), a French message when they are wrong. */
  checkOptions?: (options: Record<string, unknown>) => string | undefined
}

/**
 * Every rule that may be reported, and what the words of a report need to
 * know of them: finalize words problems with it, the configuration checks
 * its rule settings against it, the markdown and SARIF formatters link and
 * group by it.
 */
export interface RuleCatalogue {
  readonly rules: Readonly<Record<string, RuleEntry>>
  /** The standards lint rules' categories, in the order they are counted and printed (the standards catalogue's, then value hygiene). */
  readonly categories: readonly string[]
  /** A category as printed in `lang`. */
  categoryLabel(category: string, lang: Lang): string
}


const typeFr: Record<string, string> = {
  string: 'du texte',
  array: 'une liste',
  object: 'un objet (des lignes « clé: valeur »)',
  boolean: 'true ou false',
  integer: 'un nombre entier',
  number: 'un nombre',
  null: 'une valeur vide',
}
const typeEn: Record<string, string> = {
  string: 'text',
  array: 'a list',
  object: 'a mapping ("key: value" lines)',
  boolean: 'true or false',
  integer: 'a whole number',
  number: 'a number',
  null: 'an empty value',
}
const typeWord = (dict: Record<string, string>, t: unknown): string =>
  String(t)
    .split(',')
    .map((x) => dict[x] ?? x)
    .join(' / ')

/** « Par exemple : stats: true » from the schema's example, when there is one. */
const forExampleFr = (d: Data): string => (d.example !== undefined ? ` Par exemple : ${q(d.example)}.` : '')
const forExampleEn = (d: Data): string => (d.example !== undefined ? ` For example: ${qe(d.example)}.` : '')

const didYouMeanFr = (d: Data): string => (d.suggestion ? ` Vouliez-vous dire ${q(d.suggestion)} ?` : '')
const didYouMeanEn = (d: Data): string => (d.suggestion ? ` Did you mean ${qe(d.suggestion)}?` : '')
/** A reference or a value with a close known one: the replacement to write, first. */
const replaceFr = (d: Data): string => (typeof d.suggestion === 'string' && typeof d.id === 'string' ? `Remplacez ${q(d.id)} par ${q(d.suggestion)}. ` : '')
const replaceEn = (d: Data): string => (typeof d.suggestion === 'string' && typeof d.id === 'string' ? `Replace ${qe(d.id)} with ${qe(d.suggestion)}. ` : '')

const formatFr: Record<string, [string, string]> = {
  date: ['une date au format AAAA-MM-JJ', 'Écrivez la date sous la forme AAAA-MM-JJ, par exemple 2024-03-18.'],
  email: ['une adresse électronique', 'Écrivez une adresse de la forme equipe@exemple.gouv.fr.'],
  'url-or-empty': ['une adresse web commençant par https://', "Écrivez l’adresse complète, par exemple https://exemple.beta.gouv.fr, ou '' s’il n’y en a pas."],
  'non-blank': ['un texte non vide', 'Écrivez une valeur, ou supprimez la ligne si le champ est facultatif.'],
  'organisation-ref': ['une référence de la forme /organisations/<identifiant>', 'Écrivez /organisations/ suivi du nom du fichier de l\'organisation sans .md, par exemple /organisations/dinum.'],
  'organisation-ref-or-empty': ['une référence de la forme /organisations/<identifiant>', 'Écrivez /organisations/ suivi du nom du fichier de l\'organisation sans .md, par exemple /organisations/dinum.'],
  'absolute-path': ['un chemin commençant par /', 'Écrivez un chemin de la forme /startups/ancien-nom.html.'],
  'member-id': ["l’identifiant d’un membre (prenom.nom)", 'Écrivez un identifiant en minuscules, par exemple camille.martin.'],
}
const formatEn: Record<string, [string, string]> = {
  date: ['a date written YYYY-MM-DD', 'Write the date as YYYY-MM-DD, for example 2024-03-18.'],
  email: ['an e-mail address', 'Write an address such as team@example.gouv.fr.'],
  'url-or-empty': ['a web address starting with https://', "Write the full address, for example https://example.beta.gouv.fr, or '' if there is none."],
  'non-blank': ['a non-empty text', 'Write a value, or remove the line if the field is optional.'],
  'organisation-ref': ['a reference of the form /organisations/<id>', "Write /organisations/ followed by the organisation's file name without .md, for example /organisations/dinum."],
  'organisation-ref-or-empty': ['a reference of the form /organisations/<id>', "Write /organisations/ followed by the organisation's file name without .md, for example /organisations/dinum."],
  'absolute-path': ['a path starting with /', 'Write a path such as /startups/old-name.html.'],
  'member-id': ['a member id (firstname.lastname)', 'Write a lowercase id, for example camille.martin.'],
}

const FRONT_MATTER_FR = 'Une fiche commence par une ligne ---, puis les champs (clé: valeur), puis une ligne ---, puis le texte de présentation.'
const FRONT_MATTER_EN = 'A fiche starts with a --- line, then the fields (key: value), then a --- line, then the description.'

const key = (d: Data): string => (d.key ? ` ${q(d.key)}` : '')
const keyEn = (d: Data): string => (d.key ? ` ${qe(d.key)}` : '')

/** The headline of a YAML syntax error, from its likely cause (load/yaml-errors.ts). */
function yamlCauseFr(d: Data): string {
  switch (d.cause) {
    case 'colon-in-value': return `la valeur de${key(d)} contient « : » sans être entre guillemets`
    case 'reserved-start': return `la valeur de${key(d)} commence par ${q(d.char)}, un caractère réservé en YAML`
    case 'apostrophe-in-quotes': return `une apostrophe ferme les guillemets simples de${key(d)}`
    case 'text-after-quotes': return `du texte suit les guillemets fermés de${key(d)}`
    case 'tab': return 'une tabulation sert d’indentation'
    case 'unclosed-quote': return `les guillemets ouverts dans la valeur de${key(d)} ne sont jamais fermés`
    case 'unclosed-bracket': return 'un crochet ou une accolade n’est jamais fermé'
    case 'misaligned-item': return 'un élément de liste (« - ») n’est pas aligné sur les autres'
    case 'misaligned-key': return `le champ${key(d)} n’est pas aligné sur les autres`
    case 'missing-colon': return `il manque les deux-points après${key(d)}`
    case 'control-character': return `un caractère de contrôle invisible (${show(d.char)})`
    case 'stray-character': return `un caractère en trop (${q(d.char)}) avant le nom du champ`
    case 'hash-in-key': return `un « # » coupe le nom du champ${key(d)}`
    case 'split-line': return 'une valeur est coupée en deux lignes'
    default: return 'cette ligne ne peut pas être lue'
  }
}
function yamlAdviceFr(d: Data): string {
  switch (d.cause) {
    case 'colon-in-value': return 'Entourez la valeur de guillemets simples.'
    case 'reserved-start': return 'Entourez la valeur de guillemets simples.'
    case 'apostrophe-in-quotes': return 'Dans des guillemets simples, doublez l’apostrophe (\'\').'
    case 'text-after-quotes': return 'Mettez toute la valeur entre les guillemets.'
    case 'tab': return typeof d.indent === 'number' ? `Remplacez les tabulations du début de ligne par ${d.indent} espaces, comme les lignes voisines.` : 'Remplacez les tabulations du début de ligne par des espaces.'
    case 'unclosed-quote': return 'Fermez les guillemets à la fin de la valeur.'
    case 'unclosed-bracket': return 'Fermez le [ ou le { à la fin de la liste.'
    case 'misaligned-item': return 'Alignez le tiret sur celui de l’élément précédent, avec des espaces.'
    case 'misaligned-key': return 'Alignez le champ sur les autres champs du même niveau, avec des espaces.'
    case 'missing-colon': return 'Écrivez « clé: valeur », avec une espace après les deux-points.'
    case 'control-character': return 'Supprimez le caractère invisible de cette ligne (il vient souvent d’un copier-coller).'
    case 'stray-character': return 'Supprimez ce caractère.'
    case 'hash-in-key': return 'Supprimez le « # » : en YAML, il commence un commentaire.'
    case 'split-line': return 'Remettez la valeur sur une seule ligne.'
    default: return 'Vérifiez cette ligne et la précédente : indentation par espaces, deux-points suivis d’une espace, guillemets fermés ; dans le doute, entourez la valeur de guillemets simples.'
  }
}
function yamlCauseEn(d: Data): string {
  switch (d.cause) {
    case 'colon-in-value': return `the value of${keyEn(d)} contains ": " without quotes`
    case 'reserved-start': return `the value of${keyEn(d)} starts with ${qe(d.char)}, a reserved character in YAML`
    case 'apostrophe-in-quotes': return `an apostrophe closes the single quotes of${keyEn(d)}`
    case 'text-after-quotes': return `text follows the closed quotes of${keyEn(d)}`
    case 'tab': return 'a tab is used for indentation'
    case 'unclosed-quote': return `the quotes opened in the value of${keyEn(d)} are never closed`
    case 'unclosed-bracket': return 'a bracket or brace is never closed'
    case 'misaligned-item': return 'a list item ("- ") is not aligned with the others'
    case 'misaligned-key': return `the field${keyEn(d)} is not aligned with the others`
    case 'missing-colon': return `the colon after${keyEn(d)} is missing`
    case 'control-character': return `an invisible control character (${show(d.char)})`
    case 'stray-character': return `a stray character (${qe(d.char)}) before the field name`
    case 'hash-in-key': return `a "#" cuts the field name${keyEn(d)}`
    case 'split-line': return 'a value is split over two lines'
    default: return 'this line cannot be read'
  }
}
function yamlAdviceEn(d: Data): string {
  switch (d.cause) {
    case 'colon-in-value':
    case 'reserved-start': return 'Put the value in single quotes.'
    case 'apostrophe-in-quotes': return "Inside single quotes, double the apostrophe ('')."
    case 'text-after-quotes': return 'Put the whole value inside the quotes.'
    case 'tab': return typeof d.indent === 'number' ? `Replace the tabs at the start of the line with ${d.indent} spaces, as on the lines around it.` : 'Replace the tabs at the start of the line with spaces.'
    case 'unclosed-quote': return 'Close the quotes at the end of the value.'
    case 'unclosed-bracket': return 'Close the [ or { at the end of the list.'
    case 'misaligned-item': return "Align the dash with the previous item's, with spaces."
    case 'misaligned-key': return 'Align the field with the other fields of the same level, with spaces.'
    case 'missing-colon': return 'Write "key: value", with a space after the colon.'
    case 'control-character': return 'Remove the invisible character from this line (it often comes from a copy and paste).'
    case 'stray-character': return 'Remove this character.'
    case 'hash-in-key': return 'Remove the "#": in YAML it starts a comment.'
    case 'split-line': return 'Put the value back on one line.'
    default: return 'Check this line and the previous one: indentation with spaces, a space after each colon, closed quotes; when in doubt, put the value in single quotes.'
  }
}

/** The core rules: what load/, validate/ and history/ report, as opposed to the standards lint rules. */
export const CORE_RULES: Readonly<Record<string, RuleEntry>> = {
  'history/no-repository': {
    severity: 'warning',
    description: 'Le registre n’est pas dans un dépôt git : le flux n’a pas de dates de création et de modification.',
    fr: { message: () => 'Le registre n’est pas dans un dépôt git : created_at, updated_at et last_commit sont absents du flux, et l’historique (changes, trends) n’est pas produit.', hint: () => 'Compilez depuis un clone git du registre (git clone) pour avoir les dates.' },
    en: { message: () => 'The registry is not in a git repository: created_at, updated_at and last_commit are left out of the feed, and no history (changes, trends) is produced.', hint: () => 'Build from a git clone of the registry (git clone) to get the dates.' },
  },
  'history/no-commits': {
    severity: 'warning',
    description: 'Le dépôt git du registre n’a encore aucun commit : le flux n’a pas de dates.',
    fr: { message: () => 'Le dépôt git n’a encore aucun commit : created_at, updated_at et last_commit sont absents du flux.', hint: () => 'Commitez les fiches (git add puis git commit) ; les dates viennent des commits.' },
    en: { message: () => 'The git repository has no commit yet: created_at, updated_at and last_commit are left out of the feed.', hint: () => 'Commit the fiches (git add, then git commit); the dates come from the commits.' },
  },
  'history/git-error': {
    severity: 'warning',
    description: 'git n’a pas pu lire l’historique du registre : les champs et fichiers d’historique sont omis.',
    fr: { message: (d) => `git n’a pas pu lire l’historique (${show(d.message)}) : created_at, updated_at, last_commit et les fichiers d’historique sont absents du flux.`, hint: () => 'Vérifiez le dépôt avec git status et git log ; git fsck signale un dépôt abîmé.' },
    en: { message: (d) => `git could not read the history (${show(d.message)}): created_at, updated_at, last_commit and the history files are left out of the feed.`, hint: () => 'Check the repository with git status and git log; git fsck reports a damaged repository.' },
  },
  'history/shallow': {
    severity: 'warning',
    description: 'Le clone git est superficiel (shallow) et l’historique complet n’a pas pu être récupéré : les dates seraient fausses, elles sont omises.',
    fr: { message: (d) => `Le clone git est superficiel et l’historique complet n’a pas pu être récupéré (${d.reason === 'no-remote' ? 'pas de remote' : 'git fetch --unshallow a échoué'}) : created_at, updated_at et last_commit sont absents du flux plutôt que faux.`, hint: () => 'Clonez avec tout l’historique : git fetch --unshallow, ou fetch-depth: 0 avec actions/checkout.' },
    en: { message: (d) => `The git clone is shallow and the whole history could not be fetched (${d.reason === 'no-remote' ? 'no remote' : 'git fetch --unshallow failed'}): created_at, updated_at and last_commit are left out of the feed rather than wrong.`, hint: () => 'Clone with the whole history: git fetch --unshallow, or fetch-depth: 0 with actions/checkout.' },
  },
  'file/bom': {
    severity: 'error',
    fixable: true,
    configurable: true,
    description: 'Le fichier commence par une marque d’ordre des octets (BOM) invisible.',
    fr: { message: () => 'Le fichier commence par un caractère invisible (BOM UTF-8).', hint: () => "Enregistrez le fichier en UTF-8 sans BOM ; l’éditeur web de GitHub le fait par défaut." },
    en: { message: () => 'The file starts with an invisible character (UTF-8 BOM).', hint: () => "Save the file as UTF-8 without BOM; GitHub's web editor does so by default." },
  },
  'file/crlf': {
    severity: 'error',
    configurable: true,
    description: 'Le fichier a des fins de ligne Windows (CRLF).',
    fr: { message: () => 'Le fichier a des fins de ligne Windows (CRLF).', hint: () => "Enregistrez le fichier avec des fins de ligne Unix (LF) ; l’éditeur web de GitHub le fait par défaut, et `git config core.autocrlf input` l’assure sous Windows." },
    en: { message: () => 'The file has Windows line endings (CRLF).', hint: () => "Save the file with Unix line endings (LF); GitHub's web editor does so by default, and `git config core.autocrlf input` ensures it on Windows." },
  },
  'file/directory': {
    severity: 'warning',
    description: 'Un dossier se trouve dans un dossier de fiches ; il n’est pas lu.',
    fr: { message: (d) => `Le dossier ${q(d.name)} n’est pas une fiche ; il n’est pas lu.`, hint: () => 'Les fiches sont des fichiers <identifiant>.md placés directement dans le dossier de la collection ; déplacez ou supprimez ce dossier.' },
    en: { message: (d) => `The folder ${qe(d.name)} is not a fiche; it is not read.`, hint: () => "Fiches are <id>.md files placed directly in the collection's folder; move or remove this folder." },
  },
  'file/empty': {
    severity: 'error',
    description: 'Le fichier est vide.',
    fr: { message: () => 'Le fichier est vide.', hint: () => FRONT_MATTER_FR },
    en: { message: () => 'The file is empty.', hint: () => FRONT_MATTER_EN },
  },
  'file/encoding': {
    severity: 'error',
    description: 'Le fichier n’est pas du texte UTF-8 valide.',
    fr: { message: () => "Le fichier contient des octets qui ne sont pas de l’UTF-8 valide.", hint: () => "Enregistrez le fichier en UTF-8 (c’est le cas de l’éditeur web de GitHub) et retapez les caractères accentués de cette ligne." },
    en: { message: () => 'The file contains bytes that are not valid UTF-8.', hint: () => "Save the file as UTF-8 (GitHub's web editor does) and retype the accented characters on this line." },
  },
  'file/extension': {
    severity: 'warning',
    description: 'Un fichier de fiche n’a pas l’extension .md ; il est lu quand même.',
    fr: { message: (d) => `Le fichier n’a pas l’extension .md ; il est lu comme la fiche ${q(d.id)}.`, hint: (d) => `Renommez-le en ${show(String(d.id).replace(/\.(txt|markdown|mdown|mkd|yml|yaml|html?)$/i, ''))}.md.` },
    en: { message: (d) => `The file has no .md extension; it is read as the fiche ${qe(d.id)}.`, hint: (d) => `Rename it to ${show(String(d.id).replace(/\.(txt|markdown|mdown|mkd|yml|yaml|html?)$/i, ''))}.md.` },
  },
  'file/ignored': {
    severity: 'warning',
    description: 'Un fichier caché (dont le nom commence par un point) est ignoré.',
    fr: { message: (d) => `Le fichier caché ${q(d.name)} est ignoré.`, hint: () => 'Retirez le point au début du nom pour en faire une fiche, ou supprimez le fichier.' },
    en: { message: (d) => `The hidden file ${qe(d.name)} is ignored.`, hint: () => 'Remove the leading dot to make it a fiche, or delete the file.' },
  },
  'file/not-regular': {
    severity: 'error',
    description: 'L’entrée n’est ni un fichier ni un dossier (tube, socket, périphérique).',
    fr: { message: () => "Cette entrée n’est pas un fichier ordinaire ; elle n’est pas lue.", hint: () => 'Remplacez-la par un fichier <identifiant>.md.' },
    en: { message: () => 'This entry is not a regular file; it is not read.', hint: () => 'Replace it with an <id>.md file.' },
  },
  'file/long-line': {
    severity: 'error',
    description: 'Une ligne dépasse la longueur maximale (configurable, 10 000 caractères par défaut).',
    fr: { message: (d) => `Cette ligne dépasse ${d.limit} caractères.`, hint: () => 'Coupez le texte en paragraphes ; un texte aussi long n’a pas sa place dans une fiche.' },
    en: { message: (d) => `This line is longer than ${d.limit} characters.`, hint: () => 'Split the text into paragraphs; a text this long does not belong in a fiche.' },
  },
  'file/nul-byte': {
    severity: 'error',
    description: 'Le fichier contient un octet nul : ce n’est pas un fichier texte.',
    fr: { message: () => 'Le fichier contient un caractère nul : ce n’est pas un fichier texte.', hint: () => 'Une fiche est un fichier texte ; recréez-le dans un éditeur de texte.' },
    en: { message: () => 'The file contains a NUL character: it is not a text file.', hint: () => 'A fiche is a text file; recreate it in a text editor.' },
  },
  'file/symlink': {
    severity: 'error',
    description: 'Un lien symbolique dans un dossier de fiches est refusé et jamais suivi.',
    fr: { message: () => "Ce fichier est un lien symbolique ; il n’est pas suivi.", hint: () => 'Remplacez le lien par une vraie fiche : le registre ne lit que les fichiers du dépôt.' },
    en: { message: () => 'This file is a symbolic link; it is not followed.', hint: () => 'Replace the link with a real fiche: the registry only reads files in the repository.' },
  },
  'file/too-large': {
    severity: 'error',
    description: 'Le fichier dépasse la taille maximale (configurable, 1 Mio par défaut).',
    fr: { message: (d) => `Le fichier pèse ${d.size} octets, plus que la limite de ${d.limit} octets ; il n’est pas lu.`, hint: () => 'Une fiche fait quelques kilo-octets : raccourcissez le texte et placez les documents volumineux ailleurs.' },
    en: { message: (d) => `The file is ${d.size} bytes, over the limit of ${d.limit} bytes; it is not read.`, hint: () => 'A fiche is a few kilobytes: shorten the text and put large documents elsewhere.' },
  },
  'file/unreadable': {
    severity: 'error',
    description: 'Le fichier ne peut pas être lu (droits d’accès).',
    fr: { message: (d) => `Le fichier ne peut pas être lu (${show(d.code)}).`, hint: () => 'Vérifiez les droits du fichier : il doit être lisible par tous (chmod 644).' },
    en: { message: (d) => `The file cannot be read (${show(d.code)}).`, hint: () => 'Check the file permissions: it must be readable (chmod 644).' },
  },
  'frontmatter/empty': {
    severity: 'error',
    description: 'L’en-tête entre les deux lignes --- est vide.',
    fr: { message: () => "L’en-tête de la fiche est vide.", hint: () => 'Ajoutez les champs obligatoires entre les deux lignes ---, un par ligne (clé: valeur).' },
    en: { message: () => 'The front matter is empty.', hint: () => 'Add the required fields between the two --- lines, one per line (key: value).' },
  },
  'frontmatter/missing': {
    severity: 'error',
    description: 'Le fichier ne commence pas par une ligne ---.',
    fr: { message: () => 'La fiche ne commence pas par une ligne ---.', hint: () => FRONT_MATTER_FR },
    en: { message: () => 'The fiche does not start with a --- line.', hint: () => FRONT_MATTER_EN },
  },
  'frontmatter/not-mapping': {
    severity: 'error',
    description: 'L’en-tête n’est pas une liste de champs « clé: valeur ».',
    fr: { message: (d) => `L’en-tête doit être une suite de lignes « clé: valeur », pas ${typeWord(typeFr, d.actual)}.`, hint: () => FRONT_MATTER_FR },
    en: { message: (d) => `The front matter must be "key: value" lines, not ${typeWord(typeEn, d.actual)}.`, hint: () => FRONT_MATTER_EN },
  },
  'frontmatter/unterminated': {
    severity: 'error',
    description: 'La ligne --- qui ferme l’en-tête est absente.',
    fr: { message: () => "L’en-tête ouvert par --- n’est jamais fermé.", hint: () => 'Ajoutez une ligne --- après le dernier champ, avant le texte de présentation.' },
    en: { message: () => 'The front matter opened by --- is never closed.', hint: () => 'Add a --- line after the last field, before the description.' },
  },
  'id/case-collision': {
    severity: 'error',
    description: 'Deux fiches ont des identifiants qui ne diffèrent que par la casse ou les accents composés : ils se confondent sur certains systèmes de fichiers.',
    fr: { message: (d) => `L’identifiant ${q(d.id)} ne diffère de ${q(d.other)} (${show(d.otherFile)}) que par les majuscules ou la forme des accents.`, hint: () => 'Renommez une des deux fiches : sur macOS et Windows, les deux noms désignent le même fichier.' },
    en: { message: (d) => `The id ${qe(d.id)} differs from ${qe(d.other)} (${show(d.otherFile)}) only by case or accent form.`, hint: () => 'Rename one of the two fiches: on macOS and Windows both names are the same file.' },
  },
  'id/duplicate': {
    severity: 'error',
    description: 'Deux fichiers donnent le même identifiant (par exemple idfm et idfm.md).',
    fr: { message: (d) => `L’identifiant ${q(d.id)} est déjà celui de ${show(d.otherFile)}.`, hint: () => 'Supprimez ou renommez un des deux fichiers.' },
    en: { message: (d) => `The id ${qe(d.id)} is already used by ${show(d.otherFile)}.`, hint: () => 'Remove or rename one of the two files.' },
  },
  'id/format': {
    severity: 'error',
    configurable: true,
    description: 'L’identifiant contient des majuscules, des accents ou des caractères autres que a-z, 0-9, -, . et _.',
    fr: { message: (d) => `L’identifiant ${q(d.id)} contient des majuscules, des accents ou des caractères spéciaux.`, hint: () => "Renommez le fichier en minuscules sans accents, avec des tirets (mon-produit.md). Un identifiant déjà publié ne doit pas changer (il figure dans des adresses) : pour un registre qui en a, registry.config.json peut ramener la règle à un avertissement." },
    en: { message: (d) => `The id ${qe(d.id)} contains uppercase letters, accents or special characters.`, hint: () => 'Rename the file in lowercase without accents, with dashes (my-product.md). A published id must not change (it is part of URLs): a registry that has some can lower the rule to a warning in registry.config.json.' },
  },
  'id/invalid': {
    severity: 'error',
    description: 'L’identifiant contient des espaces ou des caractères qui cassent les adresses web.',
    fr: { message: (d) => `Le nom de fichier ${q(d.name)} contient des espaces ou des caractères interdits dans une adresse web.`, hint: () => 'Renommez le fichier en minuscules, avec des tirets à la place des espaces (mon-produit.md).' },
    en: { message: (d) => `The file name ${qe(d.name)} contains spaces or characters that are not allowed in a URL.`, hint: () => 'Rename the file in lowercase, with dashes instead of spaces (my-product.md).' },
  },
  'id/mismatch': {
    severity: 'error',
    description: 'Le champ id d’une fiche diffère du nom de son fichier.',
    fr: { message: (d) => `Le champ id vaut ${q(d.value)} mais le fichier s’appelle ${q(d.id)}.`, hint: () => "L’identifiant est le nom du fichier : supprimez la ligne id, ou corrigez-la." },
    en: { message: (d) => `The id field is ${qe(d.value)} but the file is named ${qe(d.id)}.`, hint: () => 'The id is the file name: remove the id line, or correct it.' },
  },
  'id/reserved': {
    severity: 'error',
    description: 'L’identifiant est un nom réservé par Windows (con, prn, aux, nul, com1 à com9, lpt1 à lpt9) : le fichier ne pourrait pas y être créé.',
    fr: { message: (d) => `Le nom de fichier ${q(d.name)} est réservé par Windows (${show(d.reserved)}) : la fiche et son fichier JSON ne peuvent pas y être créés.`, hint: () => 'Renommez le fichier, par exemple en ajoutant un mot : con-tact.md plutôt que con.md.' },
    en: { message: (d) => `The file name ${qe(d.name)} is reserved on Windows (${show(d.reserved)}): the fiche and its JSON file cannot be created there.`, hint: () => 'Rename the file, for example by adding a word: con-tact.md rather than con.md.' },
  },
  'id/too-long': {
    severity: 'error',
    description: 'L’identifiant est trop long pour servir de nom de fichier (200 octets au plus).',
    fr: { message: (d) => `L’identifiant fait ${d.bytes} octets : il ne peut pas dépasser ${d.limit} octets, car il sert de nom de fichier (${show(d.id)}.json).`, hint: () => 'Choisissez un identifiant court : le nom du produit en quelques mots, avec des tirets.' },
    en: { message: (d) => `The id is ${d.bytes} bytes long: it cannot exceed ${d.limit} bytes, because it is used as a file name (${show(d.id)}.json).`, hint: () => "Choose a short id: the product's name in a few words, with dashes." },
  },
  'phases/duplicate': {
    severity: 'error',
    description: 'Une même phase apparaît deux fois.',
    fr: { message: (d) => `La phase ${q(d.name)} apparaît déjà plus haut.`, hint: () => 'Gardez une seule entrée par phase ; pour une phase reprise, prolongez-la avec end.' },
    en: { message: (d) => `The phase ${qe(d.name)} already appears above.`, hint: () => 'Keep one entry per phase; for a resumed phase, extend it with end.' },
  },
  'phases/end-before-start': {
    severity: 'error',
    description: 'Une phase se termine avant de commencer.',
    fr: { message: (d) => `La phase ${q(d.name)} se termine (${show(d.end)}) avant de commencer (${show(d.start)}).`, hint: () => "Vérifiez les deux dates : end doit être le même jour que start ou après." },
    en: { message: (d) => `The phase ${qe(d.name)} ends (${show(d.end)}) before it starts (${show(d.start)}).`, hint: () => 'Check both dates: end must be on or after start.' },
  },
  'phases/order': {
    severity: 'error',
    description: 'Les phases ne sont pas dans l’ordre chronologique de leurs dates de début.',
    fr: { message: (d) => `La phase ${q(d.name)} commence (${show(d.start)}) avant la phase précédente ${q(d.previous)} (${show(d.previousStart)}).`, hint: () => 'Rangez les phases de la plus ancienne à la plus récente ; la dernière est la phase actuelle.' },
    en: { message: (d) => `The phase ${qe(d.name)} starts (${show(d.start)}) before the previous phase ${qe(d.previous)} (${show(d.previousStart)}).`, hint: () => 'Order the phases from oldest to newest; the last one is the current phase.' },
  },
  'phases/overlap': {
    severity: 'warning',
    description: 'Une phase se termine après le début de la suivante.',
    fr: { message: (d) => `La phase ${q(d.name)} se termine (${show(d.end)}) après le début de la phase ${q(d.next)} (${show(d.nextStart)}).`, hint: (d) => `Écrivez une date de fin au plus tard le ${show(d.nextStart)}, ou corrigez la date de début de la phase suivante.` },
    en: { message: (d) => `The phase ${qe(d.name)} ends (${show(d.end)}) after the phase ${qe(d.next)} starts (${show(d.nextStart)}).`, hint: (d) => `Write an end date no later than ${show(d.nextStart)}, or correct the start date of the next phase.` },
  },
  'ref/co-incubation-main': {
    severity: 'error',
    description: 'La liste incubators d’une startup co-incubée ne contient pas son incubateur principal.',
    fr: { message: (d) => `La liste incubators ne contient pas l’incubateur principal ${q(d.incubator)}.`, hint: (d) => `Ajoutez « - ${show(d.incubator)} » à la liste incubators, ou corrigez le champ incubator.` },
    en: { message: (d) => `The incubators list does not contain the main incubator ${qe(d.incubator)}.`, hint: (d) => `Add "- ${show(d.incubator)}" to the incubators list, or correct the incubator field.` },
  },
  'ref/unknown-incubator': {
    severity: 'error',
    description: 'L’incubateur cité n’a pas de fiche dans incubators/.',
    fr: { message: (d) => `L’incubateur ${q(d.id)} n’existe pas.${didYouMeanFr(d)}`, hint: (d) => `${replaceFr(d)}Utilisez le nom d’un fichier de ${show(d.folder)}/ sans .md, ou ajoutez la fiche de l’incubateur dans la même pull request.` },
    en: { message: (d) => `The incubator ${qe(d.id)} does not exist.${didYouMeanEn(d)}`, hint: (d) => `${replaceEn(d)}Use the name of a file in ${show(d.folder)}/ without .md, or add the incubator's fiche in the same pull request.` },
  },
  'ref/unknown-owner': {
    severity: 'error',
    description: 'L’organisation qui porte un incubateur n’a pas de fiche dans organisations/.',
    fr: { message: (d) => `L’organisation ${q(d.id)} n’existe pas.${didYouMeanFr(d)}`, hint: (d) => `Utilisez /organisations/ suivi du nom d’un fichier de ${show(d.folder)}/ sans .md, ou ajoutez la fiche de l’organisation.` },
    en: { message: (d) => `The organisation ${qe(d.id)} does not exist.${didYouMeanEn(d)}`, hint: (d) => `Use /organisations/ followed by the name of a file in ${show(d.folder)}/ without .md, or add the organisation's fiche.` },
  },
  'ref/unknown-sponsor': {
    severity: 'error',
    description: 'Une organisation sponsor n’a pas de fiche dans organisations/.',
    fr: { message: (d) => `L’organisation ${q(d.id)} n’existe pas.${didYouMeanFr(d)}`, hint: (d) => `${replaceFr(d)}Utilisez /organisations/ suivi du nom d’un fichier de ${show(d.folder)}/ sans .md, ou ajoutez la fiche de l’organisation dans la même pull request.` },
    en: { message: (d) => `The organisation ${qe(d.id)} does not exist.${didYouMeanEn(d)}`, hint: (d) => `${replaceEn(d)}Use /organisations/ followed by the name of a file in ${show(d.folder)}/ without .md, or add the organisation's fiche in the same pull request.` },
  },
  'ref/unknown-startup': {
    severity: 'error',
    description: 'Une startup mise en avant par un incubateur n’a pas de fiche dans startups/.',
    fr: { message: (d) => `La startup ${q(d.id)} n’existe pas.${didYouMeanFr(d)}`, hint: (d) => `Utilisez le nom d’un fichier de ${show(d.folder)}/ sans .md.` },
    en: { message: (d) => `The startup ${qe(d.id)} does not exist.${didYouMeanEn(d)}`, hint: (d) => `Use the name of a file in ${show(d.folder)}/ without .md.` },
  },
  'report/too-many-problems': {
    severity: 'error',
    description: 'Un fichier a plus de 100 problèmes : les 100 premiers sont affichés, celui-ci compte les autres (erreur si l’un d’eux est une erreur).',
    fr: {
      message: (d) => `Et ${d.count} ${d.count === 1 ? 'autre problème' : 'autres problèmes'} dans ce fichier (${d.errors} erreur${Number(d.errors) > 1 ? 's' : ''}, ${d.warnings} avertissement${Number(d.warnings) > 1 ? 's' : ''}), non ${d.count === 1 ? 'affiché' : 'affichés'} : seuls les ${d.limit} premiers le sont.`,
      hint: () => 'Corrigez les problèmes affichés puis relancez la vérification ; tant de problèmes viennent souvent d’une même erreur répétée (indentation, champ mal nommé, fichier collé au mauvais endroit).',
    },
    en: {
      message: (d) => `And ${d.count} more ${d.count === 1 ? 'problem' : 'problems'} in this file (${d.errors} error${d.errors === 1 ? '' : 's'}, ${d.warnings} warning${d.warnings === 1 ? '' : 's'}), not shown: only the first ${d.limit} are.`,
      hint: () => 'Fix the problems shown, then check again; so many problems often come from one repeated mistake (indentation, a misnamed field, a file pasted in the wrong place).',
    },
  },
  'schema/enum': {
    severity: 'error',
    description: 'La valeur ne fait pas partie de la liste des valeurs permises.',
    fr: { message: (d) => `${q(d.value)} n’est pas une valeur permise pour ${show(d.field)}.${didYouMeanFr(d)}`, hint: (d) => `${replaceFr({ id: d.value, suggestion: d.suggestion })}Valeurs permises : ${(d.allowed as unknown[]).map((x) => show(x)).join(', ')}.` },
    en: { message: (d) => `${qe(d.value)} is not an allowed value for ${show(d.field)}.${didYouMeanEn(d)}`, hint: (d) => `${replaceEn({ id: d.value, suggestion: d.suggestion })}Allowed values: ${(d.allowed as unknown[]).map((x) => show(x)).join(', ')}.` },
  },
  'schema/format': {
    severity: 'error',
    description: 'La valeur n’a pas la forme attendue (date, adresse électronique, adresse web…).',
    fr: {
      message: (d) =>
        d.format === 'date' && d.reason === 'calendar'
          ? `La date ${q(d.value)} n’existe pas dans le calendrier.`
          : `${show(d.field)} doit être ${(formatFr[String(d.format)] ?? [String(d.format)])[0]}, pas ${q(d.value)}.`,
      hint: (d) => (d.format === 'date' && d.reason === 'calendar' ? 'Vérifiez le jour et le mois (AAAA-MM-JJ) : la date n’est jamais corrigée automatiquement.' : formatFr[String(d.format)]?.[1] ?? `Écrivez une valeur de la forme attendue.${forExampleFr(d)}`),
    },
    en: {
      message: (d) =>
        d.format === 'date' && d.reason === 'calendar'
          ? `The date ${qe(d.value)} does not exist in the calendar.`
          : `${show(d.field)} must be ${(formatEn[String(d.format)] ?? [String(d.format)])[0]}, not ${qe(d.value)}.`,
      hint: (d) => (d.format === 'date' && d.reason === 'calendar' ? 'Check the day and month (YYYY-MM-DD): a date is never corrected automatically.' : formatEn[String(d.format)]?.[1] ?? `Write a value of the expected form.${forExampleEn(d)}`),
    },
  },
  'schema/min-items': {
    severity: 'error',
    description: 'La liste est vide ou trop courte.',
    fr: { message: (d) => `La liste ${show(d.field)} doit contenir au moins ${d.limit} élément${Number(d.limit) > 1 ? 's' : ''}.`, hint: (d) => `Ajoutez un élément par ligne, chacun précédé de « - ».${forExampleFr(d)}` },
    en: { message: (d) => `The list ${show(d.field)} must have at least ${d.limit} item${Number(d.limit) > 1 ? 's' : ''}.`, hint: (d) => `Add one item per line, each starting with "- ".${forExampleEn(d)}` },
  },
  'schema/minimum': {
    severity: 'error',
    description: 'Le nombre est trop petit.',
    fr: { message: (d) => `${show(d.field)} doit valoir au moins ${d.limit}, pas ${show(d.value)}.`, hint: (d) => `Écrivez un nombre supérieur ou égal à ${d.limit}.${forExampleFr(d)}` },
    en: { message: (d) => `${show(d.field)} must be at least ${d.limit}, not ${show(d.value)}.`, hint: (d) => `Write a number of at least ${d.limit}.${forExampleEn(d)}` },
  },
  'schema/other': {
    severity: 'error',
    description: 'Une autre contrainte du schéma n’est pas respectée.',
    fr: { message: (d) => `${show(d.field)} ne respecte pas la contrainte ${show(d.keyword)} du schéma (${show(d.detail)}).`, hint: (d) => `Consultez la référence des champs (docs/champs.md).${forExampleFr(d)}` },
    en: { message: (d) => `${show(d.field)} does not satisfy the schema's ${show(d.keyword)} constraint (${show(d.detail)}).`, hint: (d) => `See the field reference (docs/champs.md).${forExampleEn(d)}` },
  },
  'schema/required': {
    severity: 'error',
    description: 'Un champ obligatoire est absent.',
    fr: { message: (d) => `Le champ obligatoire ${q(d.property)} est absent${d.parent ? ` de ${show(d.parent)}` : ''}.`, hint: (d) => `Ajoutez une ligne « ${show(d.property)}: … »${d.example !== undefined ? `, par exemple « ${show(d.property)}: ${show(d.example)} »` : ''}.` },
    en: { message: (d) => `The required field ${qe(d.property)} is missing${d.parent ? ` from ${show(d.parent)}` : ''}.`, hint: (d) => `Add a line "${show(d.property)}: …"${d.example !== undefined ? `, for example "${show(d.property)}: ${show(d.example)}"` : ''}.` },
  },
  'schema/type': {
    severity: 'error',
    description: 'La valeur n’a pas le bon type (texte, liste, nombre, true/false…).',
    fr: { message: (d) => `${show(d.field)} doit être ${typeWord(typeFr, d.expected)}, pas ${typeWord(typeFr, d.actual)}.`, hint: (d) => d.comment !== undefined ? `Le # commence un commentaire en YAML : la valeur est lue comme vide. Entourez-la de guillemets simples : ${q(d.comment)}.` : (d.actual === 'null' ? "La valeur est vide : écrivez-la après les deux-points, ou supprimez la ligne si le champ est facultatif." : d.expected === 'array' ? 'Écrivez un élément par ligne, chacun précédé de « - ».' : d.expected === 'string' ? 'Entourez la valeur de guillemets simples pour en faire du texte.' : `Écrivez ${typeWord(typeFr, d.expected)}.`) + forExampleFr(d) },
    en: { message: (d) => `${show(d.field)} must be ${typeWord(typeEn, d.expected)}, not ${typeWord(typeEn, d.actual)}.`, hint: (d) => d.comment !== undefined ? `# starts a comment in YAML: the value reads as empty. Put it in single quotes: ${qe(d.comment)}.` : (d.actual === 'null' ? 'The value is empty: write it after the colon, or remove the line if the field is optional.' : d.expected === 'array' ? 'Write one item per line, each starting with "- ".' : d.expected === 'string' ? 'Put the value in single quotes to make it text.' : `Write ${typeWord(typeEn, d.expected)}.`) + forExampleEn(d) },
  },
  'schema/unique-items': {
    severity: 'error',
    description: 'Une liste contient deux fois la même valeur.',
    fr: { message: (d) => `La valeur ${q(d.value)} apparaît deux fois dans ${show(d.field)}.`, hint: () => 'Supprimez le doublon.' },
    en: { message: (d) => `The value ${qe(d.value)} appears twice in ${show(d.field)}.`, hint: () => 'Remove the duplicate.' },
  },
  'schema/unknown-key': {
    severity: 'error',
    description: 'Le champ n’existe pas dans le schéma (souvent une faute de frappe).',
    fr: {
      message: (d) =>
        `Le champ ${q(d.key)} n’existe pas${d.parent ? ` dans ${show(d.parent)}` : ''}.${d.invisibleFr ? ` Son nom contient un caractère invisible : ${show(d.invisibleFr)}.` : ''}${didYouMeanFr(d)}${d.missingRequired ? ` Le champ obligatoire ${q(d.suggestion)} est donc absent.` : ''}`,
      hint: (d) => (!d.suggestion ? 'Supprimez la ligne, ou consultez la référence des champs (docs/champs.md).' : d.invisibleFr ? `Retapez le nom du champ au clavier : ${q(`${show(d.suggestion)}: …`)}.` : `Renommez ${q(d.key)} en ${q(d.suggestion)}.`),
    },
    en: {
      message: (d) =>
        `The field ${qe(d.key)} does not exist${d.parent ? ` in ${show(d.parent)}` : ''}.${d.invisibleEn ? ` Its name contains an invisible character: ${show(d.invisibleEn)}.` : ''}${didYouMeanEn(d)}${d.missingRequired ? ` So the required field ${qe(d.suggestion)} is missing.` : ''}`,
      hint: (d) => (!d.suggestion ? 'Remove the line, or see the field reference (docs/champs.md).' : d.invisibleEn ? `Retype the field name: ${qe(`${show(d.suggestion)}: …`)}.` : `Rename ${qe(d.key)} to ${qe(d.suggestion)}.`),
    },
  },
  'value/invalid-text': {
    severity: 'error',
    description: 'Un texte contient un caractère de contrôle (autre que la tabulation et le retour à la ligne) ou une moitié de caractère (surrogate isolé, écrit \\ud800) : les lecteurs stricts de JSON et les tableurs le refusent.',
    fr: { message: (d) => `${d.where === 'key' ? 'Le nom de champ' : d.where === 'body' ? 'Le texte de présentation' : `La valeur de ${show(d.field)}`} contient ${d.kind === 'surrogate' ? 'une moitié de caractère isolée' : 'un caractère de contrôle invisible'} (${d.code}).`, hint: (d) => (d.where === 'body' ? 'Supprimez ce caractère invisible du texte.' : 'Supprimez ce caractère ; dans une valeur entre guillemets, n’écrivez pas de séquence \\x.., \\e ou \\u.. pour un caractère invisible.') },
    en: { message: (d) => `${d.where === 'key' ? 'The field name' : d.where === 'body' ? 'The presentation text' : `The value of ${show(d.field)}`} contains ${d.kind === 'surrogate' ? 'a lone half of a character (surrogate)' : 'an invisible control character'} (${d.code}).`, hint: (d) => (d.where === 'body' ? 'Remove this invisible character from the text.' : 'Remove this character; in a quoted value, do not write a \\x.., \\e or \\u.. escape for an invisible character.') },
  },
  'value/bidi-control': {
    severity: 'error',
    description: 'Un texte contient un caractère de contrôle bidirectionnel invisible (U+202A à U+202E, U+2066 à U+2069) : il change l’ordre d’affichage du texte, qui peut se lire autrement qu’il n’est écrit.',
    fr: {
      message: (d) => `${d.where === 'key' ? 'Le nom de champ' : d.where === 'body' ? 'Le texte de présentation' : `La valeur de ${show(d.field)}`} contient un caractère de contrôle bidirectionnel invisible, ${show(d.nameFr)} : il change l’ordre dans lequel le texte s’affiche.`,
      hint: () => 'Supprimez ce caractère, souvent venu d’un copier-coller (les flèches du clavier s’y arrêtent sans rien montrer). Un texte en arabe ou en hébreu n’en a pas besoin : le sens d’écriture se déduit des lettres.',
    },
    en: {
      message: (d) => `${d.where === 'key' ? 'The field name' : d.where === 'body' ? 'The presentation text' : `The value of ${show(d.field)}`} contains an invisible bidirectional control character, ${show(d.nameEn)}: it changes the order in which the text is shown.`,
      hint: () => 'Remove this character, which often comes from a copy and paste (the arrow keys stop on it without showing anything). Arabic or Hebrew text does not need it: the direction follows from the letters.',
    },
  },
  'value/untrimmed': {
    severity: 'warning',
    fixable: true,
    description: 'Une valeur commence ou finit par des espaces.',
    fr: {
      message: (d) => `La valeur de ${show(d.field)} commence ou finit par des espaces : ${q(d.value)}.${d.invisibleFr ? ` Dont des caractères invisibles : ${show(d.invisibleFr)}.` : ''}`,
      hint: (d) => `Supprimez les espaces avant et après la valeur${d.trimmed !== undefined ? `, qui devient ${q(d.trimmed)}` : ''}.`,
    },
    en: {
      message: (d) => `The value of ${show(d.field)} starts or ends with spaces: ${qe(d.value)}.${d.invisibleEn ? ` Including invisible characters: ${show(d.invisibleEn)}.` : ''}`,
      hint: (d) => `Remove the spaces before and after the value${d.trimmed !== undefined ? `, which becomes ${qe(d.trimmed)}` : ''}.`,
    },
  },
  'value/invisible-character': {
    severity: 'warning',
    fixable: true,
    description: 'Une valeur contient un caractère invisible (espace sans chasse, trait d’union conditionnel…), souvent venu d’un copier-coller.',
    fr: { message: (d) => `La valeur de ${show(d.field)} contient un caractère invisible : ${show(d.invisibleFr)}.`, hint: () => 'Retapez la valeur au clavier, ou supprimez le caractère (les flèches du clavier s’y arrêtent sans rien montrer).' },
    en: { message: (d) => `The value of ${show(d.field)} contains an invisible character: ${show(d.invisibleEn)}.`, hint: () => 'Retype the value, or delete the character (the arrow keys stop on it without showing anything).' },
  },
  'vocabulary/renamed': {
    severity: 'warning',
    fixable: true,
    description: 'Une valeur a été renommée (phase, événement, public…) : l’ancien nom est encore écrit. Les renommages et leur date sont déclarés dans registry.config.json (renamedValues).',
    fr: {
      message: (d) => `${q(d.value)} a été renommé le ${d.date} : ${show(d.field)} ${Array.isArray(d.to) ? `s’écrit désormais ${(d.to as unknown[]).map(q).join(' ou ')}, selon le cas` : `s’écrit désormais ${q(d.to)}`}.`,
      hint: (d) => (Array.isArray(d.to) ? `Écrivez celle de ces valeurs qui correspond au produit : ${(d.to as unknown[]).map(q).join(', ')}.` : `Écrivez ${q(d.to)} à la place de ${q(d.value)} (registry fix le fait pour vous).`),
    },
    en: {
      message: (d) => `${qe(d.value)} was renamed on ${d.date}: ${show(d.field)} is now written ${Array.isArray(d.to) ? `${(d.to as unknown[]).map(qe).join(' or ')}, depending on the case` : qe(d.to)}.`,
      hint: (d) => (Array.isArray(d.to) ? `Write whichever of these values fits the product: ${(d.to as unknown[]).map(qe).join(', ')}.` : `Write ${qe(d.to)} instead of ${qe(d.value)} (registry fix does it for you).`),
    },
  },
  'yaml/alias': {
    severity: 'error',
    description: 'Les alias YAML (*nom) sont refusés.',
    fr: { message: () => "Les alias YAML (*nom) ne sont pas acceptés dans une fiche.", hint: () => "Recopiez la valeur au lieu d’y faire référence." },
    en: { message: () => 'YAML aliases (*name) are not accepted in a fiche.', hint: () => 'Copy the value instead of referring to it.' },
  },
  'yaml/anchor': {
    severity: 'error',
    description: 'Les ancres YAML (&nom) sont refusées.',
    fr: { message: () => 'Les ancres YAML (&nom) ne sont pas acceptées dans une fiche.', hint: () => 'Supprimez « &nom » devant la valeur.' },
    en: { message: () => 'YAML anchors (&name) are not accepted in a fiche.', hint: () => 'Remove "&name" before the value.' },
  },
  'yaml/duplicate-key': {
    severity: 'error',
    description: 'Le même champ est écrit deux fois.',
    fr: {
      message: (d) => (d.key === undefined ? 'Ce champ est déjà défini plus haut.' : `Le champ ${q(d.key)} est déjà défini${d.firstLine ? ` ligne ${d.firstLine}` : ' plus haut'}.`),
      hint: (d) => (d.key === undefined ? 'Gardez une seule ligne pour ce champ : YAML ne permet pas de répéter une clé.' : `Gardez une seule ligne ${q(`${show(d.key)}:`)} : supprimez celle-ci${d.firstLine ? ` ou celle de la ligne ${d.firstLine}` : ''} (YAML ne permet pas de répéter une clé).`),
    },
    en: {
      message: (d) => (d.key === undefined ? 'This field is already defined above.' : `The field ${qe(d.key)} is already defined${d.firstLine ? ` on line ${d.firstLine}` : ' above'}.`),
      hint: (d) => (d.key === undefined ? 'Keep one line for this field: YAML does not allow a key twice.' : `Keep one ${qe(`${show(d.key)}:`)} line: remove this one${d.firstLine ? ` or the one on line ${d.firstLine}` : ''} (YAML does not allow a key twice).`),
    },
  },
  'yaml/syntax': {
    severity: 'error',
    description: 'L’en-tête n’est pas du YAML valide (deux-points ou caractère réservé dans une valeur sans guillemets, tabulation, guillemets ou crochet non fermés, ligne mal alignée).',
    fr: { message: (d) => `Erreur de syntaxe YAML : ${yamlCauseFr(d)}.`, hint: (d) => `${yamlAdviceFr(d)}${d.fixed !== undefined ? ` Écrivez : ${String(d.fixed).slice(0, 300)}` : ''}` },
    en: { message: (d) => `YAML syntax error: ${yamlCauseEn(d)} (${show(d.reason)}).`, hint: (d) => `${yamlAdviceEn(d)}${d.fixed !== undefined ? ` Write: ${String(d.fixed).slice(0, 300)}` : ''}` },
  },
  'yaml/too-deep': {
    severity: 'error',
    description: 'Les valeurs sont imbriquées trop profondément (configurable, 32 niveaux par défaut).',
    fr: { message: () => 'Les valeurs sont imbriquées trop profondément.', hint: () => 'Une fiche n’a que quelques niveaux (champ, liste, objet) : simplifiez la structure.' },
    en: { message: () => 'The values are nested too deeply.', hint: () => 'A fiche has only a few levels (field, list, object): simplify the structure.' },
  },
  'yaml/too-many-items': {
    severity: 'error',
    description: 'Une liste ou un objet a trop d’éléments (configurable, 1 000 par défaut).',
    fr: { message: (d) => `Cette liste a plus de ${d.limit} éléments.`, hint: () => 'Une fiche n’a pas besoin d’autant de valeurs : gardez les plus importantes.' },
    en: { message: (d) => `This list has more than ${d.limit} items.`, hint: () => 'A fiche does not need that many values: keep the most important ones.' },
  },
  'yaml/tag': {
    severity: 'error',
    description: 'Les étiquettes de type YAML (!!type, !tag) sont refusées.',
    fr: { message: (d) => `L’étiquette YAML ${q(d.tag)} n’est pas acceptée dans une fiche.`, hint: () => "Supprimez l’étiquette ; entourez la valeur de guillemets si elle doit rester du texte." },
    en: { message: (d) => `The YAML tag ${qe(d.tag)} is not accepted in a fiche.`, hint: () => 'Remove the tag; quote the value if it must stay text.' },
  },
}

/** Whether a rule id is a standards lint rule (documented in docs/rules/<id>.md). */
export function isLintRule(catalogue: RuleCatalogue, ruleId: string): boolean {
  return Object.hasOwn(catalogue.rules, ruleId) && catalogue.rules[ruleId]!.category !== undefined
}

export function ruleText(catalogue: RuleCatalogue, ruleId: string, lang: Lang, data: Data): { message: string; hint: string } {
  const entry = Object.hasOwn(catalogue.rules, ruleId) ? catalogue.rules[ruleId] : undefined
  if (!entry) throw new Error(`unknown rule id: ${ruleId}`)
  const t = entry[lang]
  return { message: t.message(data), hint: t.hint(data) }
}

/**
 * Whether the configuration may change a rule's severity. Errors that make a
 * record unreadable or its data invalid against the schema stay errors: the
 * feed's validity depends on them.
 */
export function isConfigurable(catalogue: RuleCatalogue, ruleId: string): boolean {
  const entry = Object.hasOwn(catalogue.rules, ruleId) ? catalogue.rules[ruleId] : undefined
  if (!entry) return false
  return entry.configurable ?? (entry.severity === 'warning' || ruleId.startsWith('ref/') || ruleId.startsWith('phases/'))
}

/** Diagnostics of the standards lint rules counted per category, in the catalogue's order of categories. */
export function countByCategory(diagnostics: readonly { ruleId: string }[], catalogue: RuleCatalogue): [string, number][] {
  const counts = new Map<string, number>()
  for (const d of diagnostics) {
    const c = Object.hasOwn(catalogue.rules, d.ruleId) ? catalogue.rules[d.ruleId]!.category : undefined
    if (c !== undefined) counts.set(c, (counts.get(c) ?? 0) + 1)
  }
  return catalogue.categories.filter((c) => counts.has(c)).map((c) => [c, counts.get(c)!])
}
