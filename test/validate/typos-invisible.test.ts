// A key typo that explains a missing required field is one problem, at the typo; invisible characters are named.
import { describe, expect, it } from 'vitest'
import { mergeTypos } from '../../scripts/validate/validate-record.ts'
import { invisibleInKey } from '../../scripts/validate/invisible.ts'
import { check, editStartup, triples } from '../helpers.ts'

describe('a typo in a required key', () => {
  it('gives exactly one diagnostic, at the typo, which says the field is missing', () => {
    const diagnostics = check(editStartup('mission: Simplifier', 'misson: Simplifier'))
    expect(triples(diagnostics)).toEqual([['schema/unknown-key', 3, 1]])
    expect(diagnostics[0]!.message).toBe("Le champ « misson » n’existe pas. Vouliez-vous dire « mission » ? Le champ obligatoire « mission » est donc absent.")
    expect(diagnostics[0]!.hint).toBe('Renommez « misson » en « mission ».')
  })

  it('a typo in an optional key stays an unknown key; a missing field with no typo stays missing', () => {
    expect(triples(check(editStartup('link:', 'lnik:')))).toEqual([['schema/unknown-key', 8, 1]])
    expect(check(editStartup('mission: Simplifier une démarche pour les usagers\n', 'foo: bar\n')).map((d) => d.ruleId).sort()).toEqual(['schema/required', 'schema/unknown-key'])
    // contact is a standard, not a required field: its typo is an unknown key only (the lint reports contact-missing).
    expect(check(editStartup('contact: equipe', 'contat: equipe')).map((d) => d.message)).toEqual(["Le champ « contat » n’existe pas. Vouliez-vous dire « contact » ?"])
  })

  it('two typos of the same missing field: the first explains it, the other stays an unknown key', () => {
    const out = mergeTypos([
      { file: 'f', ruleId: 'schema/required', path: '/contact' },
      { file: 'f', ruleId: 'schema/unknown-key', path: '/contat', data: { suggestion: 'contact' } },
      { file: 'f', ruleId: 'schema/unknown-key', path: '/contakt', data: { suggestion: 'contact' } },
    ])
    expect(out.map((p) => [p.path, p.data?.missingRequired])).toEqual([
      ['/contat', true],
      ['/contakt', undefined],
    ])
  })
})

describe('invisible characters', () => {
  it('a no-break space inside a key is named, and the key suggested', () => {
    const diagnostics = check(editStartup('mission: Simplifier', 'mission\u00a0: Simplifier'))
    expect(triples(diagnostics)).toEqual([['schema/unknown-key', 3, 1]])
    expect(diagnostics[0]!.message).toContain('Son nom contient un caractère invisible : U+00A0 (espace insécable).')
    expect(diagnostics[0]!.message).toContain('Le champ obligatoire « mission » est donc absent.')
    expect(diagnostics[0]!.hint).toBe('Retapez le nom du champ au clavier : « mission: … ».')
  })

  it('a zero-width space inside a value is a warning that names it', () => {
    const diagnostics = check(editStartup('title: Exemple', 'title: Exem\u200bple'))
    expect(triples(diagnostics)).toEqual([['value/invisible-character', 2, 8]])
    expect(diagnostics[0]!.message).toBe('La valeur de title contient un caractère invisible : U+200B (espace sans chasse).')
    expect(diagnostics[0]!.severity).toBe('warning')
  })

  it('a no-break space at the end of a value is named in the spaces warning; inside French text it is fine', () => {
    const [d] = check(editStartup('title: Exemple', "title: 'Exemple\u00a0'"))
    expect(d!.ruleId).toBe('value/untrimmed')
    expect(d!.message).toContain('U+00A0 (espace insécable)')
    expect(d!.hint).toBe('Supprimez les espaces avant et après la valeur, qui devient « Exemple ».')
    expect(check(editStartup('title: Exemple', 'title: Exemple\u00a0!'))).toEqual([])
  })

  it('names in English too, at most three distinct characters', () => {
    expect(invisibleInKey('a\u200b\u200c\u200d\u2060b')?.en).toBe('U+200B (zero-width space), U+200C (zero-width non-joiner), U+200D (zero-width joiner)')
    expect(invisibleInKey('contact')).toBeUndefined()
  })
})

describe('a # in an unquoted value', () => {
  it('starts a comment: the empty value is explained, with the quoted line', () => {
    const [d] = check(editStartup('mission: Simplifier une démarche pour les usagers', 'mission: #1 des démarches'))
    expect(d!.ruleId).toBe('schema/type')
    expect([d!.line, d!.column]).toEqual([3, 1])
    expect(d!.hint).toBe("Le # commence un commentaire en YAML : la valeur est lue comme vide. Entourez-la de guillemets simples : « mission: '#1 des démarches' ».")
  })

  it('an empty value with no # keeps the usual hint', () => {
    const [d] = check(editStartup('mission: Simplifier une démarche pour les usagers', 'mission:'))
    expect(d!.hint).toMatch(/^La valeur est vide/)
  })
})
