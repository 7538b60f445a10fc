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

export class Repo {
  constructor(readonly root: string) {}

  static init(root = tempFolder()): Repo {
    const repo = new Repo(root)
    repo.git('init', '-q', '-b', 'main')
    return repo
  }

  git(...args: string[]): string {
    return execFileSync('git', ['-C', this.root, '-c', 'user.email=t@example.org', '-c', 'user.name=Test', '-c', 'commit.gpgsign=false', ...args], {
      encoding: 'utf8',
      stdio: 'pipe',
      env: { ...process.env, GIT_AUTHOR_DATE: this.date, GIT_COMMITTER_DATE: this.date },
    })
  }

  private date = '2020-01-01T12:00:00+00:00'

  /** Writes (string) or deletes (null) files, then commits them all at `date` (ISO 8601 with offset). */
  commit(date: string, files: Record<string, string | null>, message = `commit ${date}`): string {
    this.write(files)
    this.date = date
    this.git('add', '-A')
    this.git('commit', '-q', '--allow-empty', '-m', message)
    return this.git('rev-parse', 'HEAD').trim()
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
    this.git('mv', from, to)
    this.git('commit', '-q', '-m', `rename ${from}`)
    return this.git('rev-parse', 'HEAD').trim()
  }

  merge(branch: string, date: string): string {
    this.date = date
    this.git('merge', '-q', '--no-ff', '-m', `merge ${branch}`, branch)
    return this.git('rev-parse', 'HEAD').trim()
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
