/** Real git repositories in temporary folders, with fixed commit dates, for the history tests. */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const temps: string[] = []

export function cleanRepos(): void {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true })
}

export function tempFolder(prefix = 'registry-history-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix))
  temps.push(dir)
  return dir
}

/** The committer of every test commit, and no signing (a developer's own configuration may ask for it). */
const IDENTITY = ['-c', 'user.email=t@example.org', '-c', 'user.name=Test', '-c', 'commit.gpgsign=false']

export class Repo {
  constructor(readonly root: string) {}

  static init(root = tempFolder()): Repo {
    const repo = new Repo(root)
    repo.git('init', '-q', '-b', 'main')
    return repo
  }

  git(...args: string[]): string {
    return execFileSync('git', ['-C', this.root, ...IDENTITY, ...args], { encoding: 'utf8', stdio: 'pipe', env: this.env() })
  }

  /**
   * Runs a few git commands (a shell script, its arguments as $1…) in one process started from
   * the test's: starting a process from a test worker of several hundred megabytes costs far more
   * (the fork copies its memory map) than from a shell.
   */
  private script(script: string, ...args: string[]): string {
    return execFileSync('sh', ['-c', `set -e\ngit() { command git ${IDENTITY.join(' ')} "$@"; }\n${script}`, 'sh', ...args], { cwd: this.root, encoding: 'utf8', stdio: 'pipe', env: this.env() })
  }

  private env(): NodeJS.ProcessEnv {
    return { ...process.env, GIT_AUTHOR_DATE: this.date, GIT_COMMITTER_DATE: this.date }
  }

  private date = '2020-01-01T12:00:00+00:00'

  /** Writes (string) or deletes (null) files, then commits them all at `date` (ISO 8601 with offset). */
  commit(date: string, files: Record<string, string | null>, message = `commit ${date}`): string {
    this.write(files)
    this.date = date
    return this.script('git add -A\ngit commit -q --allow-empty -m "$1"\ngit rev-parse HEAD', message).trim()
  }

  write(files: Record<string, string | null>): void {
    for (const [file, text] of Object.entries(files)) {
      const full = path.join(this.root, file)
      if (text === null) unlinkSync(full)
      else {
        mkdirSync(path.dirname(full), { recursive: true })
        writeFileSync(full, text)
      }
    }
  }

  mv(from: string, to: string, date: string): string {
    this.date = date
    return this.script('git mv "$1" "$2"\ngit commit -q -m "rename $1"\ngit rev-parse HEAD', from, to).trim()
  }

  merge(branch: string, date: string): string {
    this.date = date
    return this.script('git merge -q --no-ff -m "merge $1" "$1"\ngit rev-parse HEAD', branch).trim()
  }
}

/** A startup fiche with the given title and phases (name → start). */
export function startup(title: string, phases: [string, string][] = [['investigation', '2020-01-01']], extra = ''): string {
  return `---
title: ${title}
mission: Faciliter la vie des usagers de ${title}.
incubator: dinum
contact: contact@example.org
sponsors:
  - /organisations/dinum
phases:
${phases.map(([name, start]) => `  - name: ${name}\n    start: ${start}`).join('\n')}
${extra}---

## Contexte

Un texte assez long pour que git reconnaisse un renommage quand le titre change : ${title}.
Les usagers, les agents et les partenaires se servent du service chaque jour.
`
}
