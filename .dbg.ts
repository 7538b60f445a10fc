import { openFiche, setField } from './scripts/site/editor/fiche-text.ts'
const doc = openFiche('---\ntitle: T\n---\n')
for (const [k, v] of [['<<', 1], ['__proto__', { a: 1 }], ['x', { '<<': { a: 1 } }], ['k'.repeat(1100), 1], ['x', { ['z'.repeat(1100)]: 'v' }], ['', 1], ['x', { '': { '': 'a\n\n' } }], ['x', [[['a']]]], ['x', [{}, [], '']], ['x', -0], ['x', 1e300], ['x', 0.1], ['x', 'a'.repeat(20000)]] as [string, unknown][]) {
  try {
    const after = setField(doc, k, v)
    console.log(JSON.stringify(k).slice(0, 20), JSON.stringify(after.text).slice(0, 120), Object.is((after.data as any)[k], v) || JSON.stringify((after.data as any)[k]) === JSON.stringify(v))
  } catch (e) { console.log('THROW', JSON.stringify(k).slice(0, 20), (e as Error).message) }
}
