import { defineRule } from '../define-rule.ts'
import { PRESENT, reportMissing, seenField, T, w } from '../kit.ts'

export default defineRule({
  id: 'contact-missing',
  description: "La fiche n’a pas d’adresse de contact.",
  standards: ['le-produit-a-une-fiche-a-jour-sur-le-site-beta-gouv-fr'],
  category: 'transparence',
  collections: ['startups', 'incubators'],
  applies: 'active',
  validate: true,
  messages: {
    missing: T(
      w(() => "La fiche n’a pas d’adresse de contact (contact).", () => 'Ajoutez une ligne « contact: equipe@exemple.beta.gouv.fr » avec l’adresse de l’équipe.'),
      w(() => 'The fiche has no contact address (contact).', () => 'Add a line "contact: team@example.beta.gouv.fr" with the team’s address.'),
    ),
  },
  seenWords: PRESENT,
  docs: `Une fiche à jour permet de joindre l’équipe : usagers, partenaires et programme écrivent à l’adresse
de \`contact\`. Le champ n’est plus obligatoire pour le schéma (une fiche sans contact reste valide et
compilée), mais son absence est signalée, y compris par \`registry validate\`.

**Corriger** : ajoutez \`contact: equipe@exemple.beta.gouv.fr\`, de préférence une adresse d’équipe
(voir [contact-personal](contact-personal.md)).`,
  check(ctx) {
    reportMissing(ctx, 'contact')
  },
  seen: (ctx) => seenField(ctx, 'contact'),
})
