/** The help of each command (`registry <command> --help`), in French and English. */
import type { Lang } from '../report/diagnostic.ts'
import { FORMAT_NAMES } from '../report/formatters/names.ts'

/** « a, b ou c » / "a, b or c". */
const listOf = (names: readonly string[], and: string): string => `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1]}`
/** Every format of the diagnostics, for the help of validate, lint, build and new. */
const FORMATS_FR = `--format NOM     ${listOf(FORMAT_NAMES, 'ou')} (défaut : stylish ; github si GITHUB_ACTIONS=true)`
const FORMATS_EN = `--format NAME    ${listOf(FORMAT_NAMES, 'or')} (default: stylish; github when GITHUB_ACTIONS=true)`

const COMMON_FR = `Options communes : --root DIR, --config FICHIER, --lang fr|en, --color/--no-color, --output-file FICHIER.
Codes de sortie : 0 = aucune erreur ; 1 = des erreurs dans les fiches ; 2 = mauvaise utilisation ou configuration.
`
const COMMON_EN = `Common options: --root DIR, --config FILE, --lang fr|en, --color/--no-color, --output-file FILE.
Exit codes: 0 = no error; 1 = errors in fiches; 2 = usage or configuration error.
`

const HELP: Record<string, { fr: string; en: string }> = {
  validate: {
    fr: `Utilisation : registry validate [options]

Vérifie toutes les fiches : schémas, références entre fiches, phases.

  ${FORMATS_FR}
  --strict         les avertissements font aussi échouer (code 1)
  --changed        ne lit que les fiches modifiées (git) et vérifie leurs références
  --base REV       avec --changed : comparer à REV (défaut : HEAD) ; sans --changed : tout vérifier,
                   mais annoter d’abord les fiches modifiées depuis REV (GitHub n’affiche que 10 annotations)
  --max-warnings N plus de N avertissements font échouer (code 1)
  --quiet          n’affiche que les erreurs
  --as-of DATE     date de référence AAAA-MM-JJ des règles de standards (défaut : date du dernier commit)
`,
    en: `Usage: registry validate [options]

Checks every fiche: schemas, references between fiches, phases.

  ${FORMATS_EN}
  --strict         warnings fail too (exit 1)
  --changed        reads only the changed fiches (git) and checks their references
  --base REV       with --changed: compare with REV (default: HEAD); without --changed: check everything,
                   but annotate the fiches changed since REV first (GitHub shows only 10 annotations)
  --max-warnings N more than N warnings fail (exit 1)
  --quiet          prints errors only
  --as-of DATE     reference date YYYY-MM-DD of the standards rules (default: the last commit's date)
`,
  },
  fix: {
    fr: `Utilisation : registry fix [fichiers…] [options]

Applique les corrections automatiques des diagnostics dont la correction est sûre (voir la colonne
« Correction automatique » de docs/regles.md : BOM, espaces autour d’une valeur, caractère invisible,
valeur renommée), en ne changeant que les caractères corrigés, puis vérifie à nouveau et affiche ce
qui reste (validate et lint). Sans fichier : toutes les fiches.

  --dry-run        montre les lignes avant et après, sans rien écrire
  --as-of DATE     date de référence AAAA-MM-JJ : les renommages (renamedValues) datés d’après ne
                   s’appliquent pas (défaut : date du dernier commit)
  ${FORMATS_FR}
                   (ce qui reste après correction)
`,
    en: `Usage: registry fix [files…] [options]

Applies the automatic fixes of the diagnostics whose correction is certain (see the "Automatic fix"
column of docs/regles.md: BOM, spaces around a value, invisible character, renamed value), changing
only the characters fixed, then checks again and prints what remains (validate and lint). Without
files: every fiche.

  --dry-run        shows the lines before and after, writes nothing
  --as-of DATE     reference date YYYY-MM-DD: the renames (renamedValues) dated later do not apply
                   (default: the last commit's date)
  ${FORMATS_EN}
                   (what remains after the fixes)
`,
  },
  build: {
    fr: `Utilisation : registry build [--out DIR] [--evidence FICHIER] [options]

Vérifie les fiches puis compile le flux JSON (API v1 et v2.7) et le site public (pages DSFR,
voir docs/site.md) dans --out (défaut : <root>/dist). Rien n’est écrit si une fiche a une erreur.
REGISTRY_SITE=0 : le flux et les API seulement, sans le site.

  ${FORMATS_FR}
  --as-of DATE     date de référence AAAA-MM-JJ des règles de standards (défaut : date du dernier commit)
  --evidence FICHIER  les preuves en ligne (evidence.json, écrit par registry evidence) : publiées
                   en api/v1/evidence.json, lues par les règles en ligne des standards et montrées
                   sur le site ; aucune vérification en ligne n’est faite
`,
    en: `Usage: registry build [--out DIR] [--evidence FILE] [options]

Checks the fiches, then compiles the JSON feed (API v1 and v2.7) and the public site (DSFR
pages, see docs/site.md) into --out (default: <root>/dist). Nothing is written when a fiche has
an error. REGISTRY_SITE=0: the feed and the APIs only, without the site.

  ${FORMATS_EN}
  --as-of DATE     reference date YYYY-MM-DD of the standards rules (default: the last commit's date)
  --evidence FILE  the online evidence (evidence.json, written by registry evidence): published as
                   api/v1/evidence.json, read by the standards' online rules and shown on the site;
                   no online check is made
`,
  },
  lint: {
    fr: `Utilisation : registry lint [options]

Vérifie les standards du programme beta.gouv.fr (catalogue v2.0), selon la phase de chaque produit.
Les règles donnent des avertissements qui ne bloquent pas, sauf configuration contraire
(registry.config.json, « rules »). Voir docs/standards.md.

  ${FORMATS_FR}
  --as-of DATE     date de référence AAAA-MM-JJ (défaut : date du dernier commit ; jamais l’horloge)
  --max-warnings N plus de N avertissements font échouer (code 1)
  --quiet          n’affiche que les erreurs
  --online         vérifie aussi en ligne les liens, pages et dépôts (cache dans .cache/, GITHUB_TOKEN lu)
  --suppress-all   enregistre les avertissements actuels dans registry-suppressions.json (le cliquet)
  --prune-suppressions  retire de ce fichier ce qui a été corrigé (il ne fait que rétrécir)
  --fail-on-new    échoue (code 1) s’il y a des avertissements au-delà de ceux enregistrés
                   (avec --new-only : s’il y a des avertissements nouveaux par rapport à la base)
  --changed        ne signale que les fiches modifiées (git) depuis --base (défaut : HEAD)
  --base REV       la révision de comparaison de --changed (en CI : origin/main)
  --new-only       avec --changed : seulement les avertissements que la modification ajoute,
                   chaque fiche comparée à sa version à la base (la dette ancienne n’est pas signalée)
  --suppressions FICHIER  le fichier des avertissements enregistrés
`,
    en: `Usage: registry lint [options]

Checks the beta.gouv.fr programme's standards (catalogue v2.0), according to each product's phase.
The rules give warnings that do not block, unless configured otherwise (registry.config.json,
"rules"). See docs/standards.md.

  ${FORMATS_EN}
  --as-of DATE     reference date YYYY-MM-DD (default: the last commit's date; never the clock)
  --max-warnings N more than N warnings fail (exit 1)
  --quiet          prints errors only
  --online         also checks links, pages and repositories online (cache in .cache/, GITHUB_TOKEN read)
  --suppress-all   records the current warnings in registry-suppressions.json (the ratchet)
  --prune-suppressions  removes what was fixed from that file (it only shrinks)
  --fail-on-new    fails (exit 1) on warnings beyond the recorded ones
                   (with --new-only: on warnings new compared with the base)
  --changed        reports on the fiches changed (git) since --base (default: HEAD) only
  --base REV       the revision --changed compares with (in CI: origin/main)
  --new-only       with --changed: only the warnings the change adds, each fiche compared with
                   its version at the base (old debt is not reported)
  --suppressions FILE  the file of recorded warnings
`,
  },
  changes: {
    fr: `Utilisation : registry changes --since REF|DATE [--until REF|DATE] [--format stylish|markdown|json]

Ce qui a changé dans les fiches d’après l’historique git : produits ajoutés, retirés, renommés,
changements de phase (avec leur date), d’incubateur et de sponsors, champs modifiés, standards
gagnés et perdus (règles de registry lint, à la date du commit). Les commits qui touchent beaucoup
de fiches (exports du robot) sont résumés, standards compris (nombre de fiches par règle).

  --since REF|DATE depuis ce commit (exclu) ou cette date AAAA-MM-JJ (incluse)
  --until REF|DATE jusqu’à ce commit ou cette date incluse (défaut : HEAD)
  --format NOM     stylish (défaut), markdown ou json
`,
    en: `Usage: registry changes --since REF|DATE [--until REF|DATE] [--format stylish|markdown|json]

What changed in the fiches according to git history: products added, removed, renamed, phase
changes (with their date), incubator and sponsor changes, changed fields, standards gained and lost
(registry lint's rules, as of the commit's date). Commits that touch many fiches (the bot's
exports) are summarised, standards included (fiches per rule).

  --since REF|DATE since this commit (excluded) or this YYYY-MM-DD date (included)
  --until REF|DATE up to this commit or date, included (default: HEAD)
  --format NAME    stylish (default), markdown or json
`,
  },
  evidence: {
    fr: `Utilisation : registry evidence --out FICHIER [--previous FICHIER] [--format stylish|markdown|json]
                 registry evidence --publish FICHIER --repo PROPRIETAIRE/NOM [--branch BRANCHE]
                 registry evidence --fetch FICHIER --repo PROPRIETAIRE/NOM [--branch BRANCHE]
                 registry evidence --notify FICHIER --repo PROPRIETAIRE/NOM

Les preuves en ligne, pour une exécution planifiée (voir docs/online.md). Avec --out : vérifie les
pages et les dépôts que citent les fiches (cache dans .cache/, requêtes conditionnelles à GitHub,
GITHUB_TOKEN lu), ajoute les résultats aux preuves précédentes et écrit le fichier ; affiche ce qui
a changé depuis la vérification précédente. Une preuve en échec ne change pas le code de sortie.

  --out FICHIER      le fichier de preuves à écrire (evidence.json)
  --previous FICHIER les preuves des vérifications précédentes (absent : la première vérification)
  --format NOM       la liste des changements : stylish (défaut), markdown (résumé de job) ou json
  --as-of DATE       date de référence AAAA-MM-JJ des règles selon la phase (défaut : date du dernier commit)
  --publish FICHIER  garde ce fichier sur la branche --branch (défaut : evidence) du dépôt --repo, par
                     l’API de GitHub (jeton dans GITHUB_TOKEN, droit contents: write) ; refuse un fichier
                     qui ne prolonge pas celui de la branche
  --fetch FICHIER    écrit dans FICHIER les preuves de la branche (vérifiées) ; rien si la branche n’existe
                     pas encore (avant la première publication)
  --notify FICHIER   un ticket par produit dont les preuves viennent de tomber en échec, mis à jour,
                     fermé quand elles tiennent de nouveau (droit issues: write)
`,
    en: `Usage: registry evidence --out FILE [--previous FILE] [--format stylish|markdown|json]
       registry evidence --publish FILE --repo OWNER/NAME [--branch BRANCH]
       registry evidence --fetch FILE --repo OWNER/NAME [--branch BRANCH]
       registry evidence --notify FILE --repo OWNER/NAME

Online evidence, for a scheduled run (see docs/online.md). With --out: checks the pages and
repositories the fiches name (cache in .cache/, conditional requests to GitHub, GITHUB_TOKEN read),
adds the results to the previous evidence and writes the file; prints what changed since the
previous check. Failing evidence does not change the exit code.

  --out FILE         the evidence file to write (evidence.json)
  --previous FILE    the evidence of the previous checks (absent: the first check)
  --format NAME      the change list: stylish (default), markdown (job summary) or json
  --as-of DATE       reference date YYYY-MM-DD of the phase-aware rules (default: the last commit's date)
  --publish FILE     keeps this file on the branch --branch (default: evidence) of the repository
                     --repo, through GitHub's API (token from GITHUB_TOKEN, contents: write); refuses a
                     file that does not continue the branch's
  --fetch FILE       writes the branch's evidence (checked) to FILE; nothing when the branch does not
                     exist yet (before the first publication)
  --notify FILE      one issue per product whose evidence just failed, updated, closed when it holds
                     again (issues: write)
`,
  },
  docs: {
    fr: `Utilisation : registry docs

Régénère docs/champs.md et docs/regles.md à partir des schémas et du catalogue des règles.
`,
    en: `Usage: registry docs

Regenerates docs/champs.md and docs/regles.md from the schemas and the rules catalogue.
`,
  },
  report: {
    fr: `Utilisation : registry report [--base REV] [--output-json FICHIER] [--pr N --repo PROPRIETAIRE/NOM [--data FICHIER]]

Écrit un résumé markdown de la pull request : fiches modifiées depuis REV (défaut : HEAD), erreurs et
avertissements, note quand GitHub n’a pas pu tout annoter. Le résumé va sur la sortie standard (ou dans
--output-file) et, si la variable GITHUB_STEP_SUMMARY est définie, dans le résumé de l’étape.
Le code de sortie est 1 s’il y a des erreurs.

  --output-json FICHIER  écrit aussi les données du rapport (schemas/report.schema.json), que le
                   workflow de commentaire relit avec --data
  --pr N --repo PROPRIETAIRE/NOM  publie le résumé en commentaire de la pull request n°N : un seul
                   commentaire du bot, mis à jour à chaque passage (jeton dans GITHUB_TOKEN, jamais affiché)
  --data FICHIER   avec --pr : publie le rapport de ces données au lieu de le calculer, après les avoir
                   vérifiées (code 2 et un commentaire qui le dit si elles sont refusées) ; signale aussi
                   par un statut en échec une pull request de fork qui modifie l’outillage (docs/security.md)
                   REGISTRY_BOT_LOGIN : le compte du bot si ce n’est pas github-actions[bot] (une GitHub App)
`,
    en: `Usage: registry report [--base REV] [--output-json FILE] [--pr N --repo OWNER/NAME [--data FILE]]

Writes a markdown summary of the pull request: fiches changed since REV (default: HEAD), errors and
warnings, a note when GitHub could not annotate everything. The summary goes to standard output (or
--output-file) and, when GITHUB_STEP_SUMMARY is set, to the step summary. Exit code 1 on errors.

  --output-json FILE  also writes the report's data (schemas/report.schema.json), which the comment
                   workflow reads back with --data
  --pr N --repo OWNER/NAME  posts the summary as a comment on pull request #N: one comment of the
                   bot, updated on every run (token from GITHUB_TOKEN, never printed)
  --data FILE      with --pr: posts the report of this data instead of computing it, once checked
                   (exit 2 and a comment saying so when refused); also flags with a failing status a
                   pull request from a fork that changes the tooling (docs/security.md)
                   REGISTRY_BOT_LOGIN: the bot's account when it is not github-actions[bot] (a GitHub App)
`,
  },
  new: {
    fr: `Utilisation : registry new startup|organisation|incubator [<identifiant>] [options]

Écrit <dossier>/<identifiant>.md à partir du schéma et des valeurs données : les champs
obligatoires, les autres en commentaire avec un exemple, un commentaire par champ, les sections
du texte que la règle body-sections attend (Contexte, Solution, Stratégie, Objectifs) ; ce qui
reste à écrire dit « À compléter ». La fiche est vérifiée avant d’être écrite : si elle avait une
erreur (identifiant réservé comme con, incubateur inconnu, phase qui n’existe pas), rien n’est
écrit (code 2). Affiche ensuite exactement ce que validate et lint signalent pour elle. Un
fichier existant n’est jamais remplacé. Dans un terminal, ce qui n’est pas donné est demandé.

  --title TITRE       le titre (startup, incubateur) ou le nom (organisation)
  --incubator ID      startup : l’incubateur principal (une fiche de incubators/)
  --phase NOM         startup : la première phase, qui commence aujourd’hui (défaut : investigation)
  --as-of DATE        date de référence de la vérification (défaut : date du dernier commit)
  ${FORMATS_FR}
`,
    en: `Usage: registry new startup|organisation|incubator [<id>] [options]

Writes <folder>/<id>.md from the schema and the values given: the required fields, the others
commented out with an example, a comment per field, the sections of the text that the
body-sections rule expects (headed "Contexte", "Solution", "Stratégie", "Objectifs"); what is left
to write says "À compléter". The fiche is checked before it is written: if it would have an error (a reserved
id such as con, an unknown incubator, a phase that does not exist), nothing is written (exit 2).
Then prints exactly what validate and lint report for it. An existing file is never replaced. At
a terminal, what is not given is asked.

  --title TITLE       the title (startup, incubator) or the name (organisation)
  --incubator ID      startup: the main incubator (a fiche of incubators/)
  --phase NAME        startup: the first phase, starting today (default: investigation)
  --as-of DATE        reference date of the check (default: the last commit's date)

  ${FORMATS_EN}
`,
  },
  propose: {
    fr: `Utilisation : registry propose <fichier> --repo PROPRIETAIRE/NOM [--base BRANCHE]

Vérifie la fiche ; si elle a une erreur, s’arrête avant tout appel à GitHub. Sinon, par l’API de GitHub
(sans git) : crée une branche, y enregistre le fichier, ouvre une pull request vers --base (défaut : la
branche par défaut du dépôt) et affiche son adresse. Jeton dans GITHUB_TOKEN (droits contents et
pull-requests en écriture). Relancer la commande après un échec termine ce qui a été commencé.
`,
    en: `Usage: registry propose <file> --repo OWNER/NAME [--base BRANCH]

Checks the fiche; on an error, stops before any call to GitHub. Otherwise, through GitHub's API (no
git): creates a branch, commits the file on it, opens a pull request to --base (default: the
repository's default branch) and prints its address. Token from GITHUB_TOKEN (contents and
pull-requests write). Running it again after a failure finishes what was started.
`,
  },
}

export function commandHelp(name: string, lang: Lang): string | undefined {
  const h = Object.hasOwn(HELP, name) ? HELP[name] : undefined
  if (!h) return undefined
  return `${h[lang]}\n${lang === 'fr' ? COMMON_FR : COMMON_EN}`
}
