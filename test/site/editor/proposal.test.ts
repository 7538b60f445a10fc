import { describe, expect, it } from 'vitest'
import { LONG_URL, proposal } from '../../../scripts/site/editor/proposal.ts'

const base = { repositoryUrl: 'https://github.com/betagouv/registre', branch: 'main', file: 'startups/mon-produit.md', text: '---\ntitle: É & co\n---\n# x?\n', existing: false }

describe('proposal', () => {
  it('a new fiche: GitHub’s new-file page with the file name and the whole text', () => {
    const p = proposal(base)!
    const url = new URL(p.url)
    expect(`${url.origin}${url.pathname}`).toBe('https://github.com/betagouv/registre/new/main')
    expect(url.searchParams.get('filename')).toBe('startups/mon-produit.md')
    expect(url.searchParams.get('value')).toBe(base.text)
    expect(p.instructions).toContain('Propose changes')
  })

  it('an existing fiche: its edit page, with instructions to paste the copied text', () => {
    const p = proposal({ ...base, existing: true, branch: 'release/2026', file: 'content/_startups/a b.md' })!
    expect(p.url).toBe('https://github.com/betagouv/registre/edit/release/2026/content/_startups/a%20b.md')
    expect(p.instructions).toContain('presse-papiers')
  })

  it('no link without a repository URL (or with one that is not owner/name)', () => {
    expect(proposal({ ...base, repositoryUrl: '' })).toBeUndefined()
    expect(proposal({ ...base, repositoryUrl: 'https://github.com/betagouv' })).toBeUndefined()
    expect(proposal({ ...base, repositoryUrl: 'javascript:alert(1)//a/b' })).toBeUndefined()
    expect(proposal({ ...base, repositoryUrl: 'https://github.com/betagouv/registre/' })?.url).toMatch(/^https:\/\/github\.com\/betagouv\/registre\/new\/main\?/)
  })

  it('says when the text makes the address long, and what to do then', () => {
    expect(proposal(base)!.instructions).not.toContain('Upload files')
    const long = proposal({ ...base, text: `---\ntitle: x\n---\n${'é'.repeat(LONG_URL)}\n` })!
    expect(long.instructions).toContain('Upload files')
    expect(new URL(long.url).searchParams.get('value')).toContain('é'.repeat(LONG_URL))
  })
})
