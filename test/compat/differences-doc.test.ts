import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { KNOWN_DIFFERENCES } from '../../scripts/compat/differences.ts'

const API_DOC = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8')

describe('docs/api.md', () => {
  it('lists every documented difference of scripts/compat/differences.ts, in its table', () => {
    const section = API_DOC.slice(API_DOC.indexOf('### Différences voulues avec le site actuel'))
    for (const { id, file } of KNOWN_DIFFERENCES) {
      expect(section, id).toMatch(new RegExp(`^\\| \`${id}\` \\| ${file === 'tous' ? 'tous les fichiers JSON' : `\`${file.replace('.', '\\.')}\``} \\|`, 'm'))
    }
  })

  it('lists no difference that the code does not know', () => {
    const section = API_DOC.slice(API_DOC.indexOf('### Différences voulues avec le site actuel'), API_DOC.indexOf('### Vérifier la compatibilité'))
    const ids = [...section.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1])
    expect(ids.sort()).toEqual(KNOWN_DIFFERENCES.map((k) => k.id).sort())
  })

  it('documents every v2.7 file and every startups.json attribute and CSV column', () => {
    for (const file of ['startups.json', 'incubators.json', 'organisations.json', 'sponsors.json', 'startups.csv']) expect(API_DOC).toContain(`### \`${file}\``)
    for (const name of ['name', 'pitch', 'stats_url', 'budget_url', 'impact_url', 'link', 'repository', 'contact', 'content_url_encoded_markdown', 'events', 'phases', 'sponsors', 'thematiques', 'technos', 'analyse_risques', 'analyse_risques_url', 'dashlord_url', 'accessibility_status']) {
      expect(API_DOC).toContain(name)
    }
    expect(API_DOC).toContain('id;name;mission;start;status;incubator;stats;link;repository;accessibility;contact;incubators')
  })
})
