/**
 * "Proposer sur GitHub" without a token or a server: a link to GitHub's own
 * pages, which lead to its pull-request flow. A new fiche opens the new-file
 * page with the file name and the text filled in; an existing fiche opens its
 * edit page (which a link cannot fill: the editor copies the text to the
 * clipboard, and the instructions say to paste it). Pure, no `node:` import.
 */
export interface ProposalInput {
  /** The repository, as in the configuration's `repositoryUrl` (https://github.com/owner/name); '' when unknown. */
  repositoryUrl: string
  branch: string
  /** Repository-relative path of the fiche, e.g. `startups/mon-produit.md`. */
  file: string
  text: string
  /** The file exists in the repository: edit it rather than create it. */
  existing: boolean
}

export interface Proposal {
  url: string
  instructions: string
}

const encodePath = (p: string) => p.split('/').map(encodeURIComponent).join('/')

export function proposal(input: ProposalInput): Proposal | undefined {
  const repository = input.repositoryUrl.replace(/\/+$/, '')
  if (!/^https:\/\/[^\s/]+\/[^\s/]+\/[^\s/]+$/.test(repository)) return undefined
  const branch = encodePath(input.branch)
  if (input.existing) {
    return {
      url: `${repository}/edit/${branch}/${encodePath(input.file)}`,
      instructions: `Le lien ouvre la page de modification de ${input.file} sur GitHub (connexion nécessaire) et copie le texte de la fiche dans le presse-papiers : sur GitHub, sélectionnez tout le texte du fichier (Ctrl+A), collez (Ctrl+V), puis « Commit changes… » et « Propose changes » pour ouvrir une pull request.`,
    }
  }
  const query = `filename=${encodeURIComponent(input.file)}&value=${encodeURIComponent(input.text)}`
  const url = `${repository}/new/${branch}?${query}`
  const long = url.length > LONG_URL
    ? ` Le texte est long (${url.length} caractères dans l’adresse) : si GitHub ne l’affiche pas en entier, téléchargez la fiche et déposez-la avec « Add file » puis « Upload files ».`
    : ''
  return {
    url,
    instructions: `Le lien ouvre la page de création de fichier de GitHub (connexion nécessaire), avec le nom ${input.file} et le texte de la fiche déjà remplis : cliquez sur « Commit changes… » puis « Propose changes » pour ouvrir une pull request.${long}`,
  }
}

/** Beyond this many characters, an address may be cut by a server or a proxy on the way (8 KiB is a common limit). */
export const LONG_URL = 8000
