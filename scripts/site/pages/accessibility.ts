/** accessibilite/: the accessibility statement every French public site publishes (RGAA). */
import type { PageGenerator } from '../context.ts'
import { html } from '../html.ts'
import { ACCESSIBILITY_PATH, ACCESSIBILITY_STATUS, SITE_NAME, renderPage } from '../layout.ts'

export const accessibilityPage: PageGenerator = function* (context) {
  const repository = context.config.repositoryUrl
  const main = html`<h1>Déclaration d’accessibilité</h1>
<p>Le ${SITE_NAME} s’engage à rendre son site accessible conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005.</p>
<h2>État de conformité</h2>
<p>Ce site est <strong>${ACCESSIBILITY_STATUS}</strong> avec le référentiel général d’amélioration de l’accessibilité (RGAA) version 4.1 : il n’a pas encore fait l’objet d’un audit complet par un tiers.</p>
<h2>Ce qui est vérifié</h2>
<p>Chaque version du site est vérifiée automatiquement dans un navigateur (Chromium) avant sa publication :</p>
<ul>
<li>aucune violation sérieuse ou critique relevée par axe-core sur chaque type de page ;</li>
<li>la navigation au clavier seul atteint les filtres et chaque lien de la liste des startups ;</li>
<li>les pages sont lisibles sans JavaScript : le filtrage est une amélioration facultative ;</li>
<li>les pages s’affichent sur un écran de téléphone (375 pixels de large) comme sur un ordinateur.</li>
</ul>
<p>Le site utilise le Système de design de l’État (DSFR) : repères de navigation (en-tête, menu, contenu, pied de page), liens d’évitement, focus visible et contrastes conformes.</p>
<h2>Contenus non accessibles</h2>
<ul>
<li>Les textes des fiches sont écrits par les équipes des produits : leur structure (titres, listes, liens explicites) dépend de chaque fiche.</li>
<li>Les graphiques de tendance sont doublés d’un tableau de données ; les barres de maturité sont accompagnées de leur valeur en texte.</li>
</ul>
<h2>Données et confidentialité</h2>
<p>Le site ne dépose aucun cookie, n’utilise aucun outil de mesure d’audience et ne charge aucune ressource d’un autre site : polices, styles et icônes sont servis avec les pages.</p>
<h2>Retour d’information et contact</h2>
<p>Si vous n’arrivez pas à accéder à un contenu ou à un service, signalez-le${repository ? html` en ouvrant un ticket sur <a href="${`${repository}/issues`}" rel="noopener noreferrer">le dépôt du registre</a>` : ' à l’équipe du registre'} : nous vous indiquerons une autre façon d’obtenir l’information.</p>
<h2>Voies de recours</h2>
<p>Si vous avez signalé un défaut d’accessibilité sans obtenir de réponse satisfaisante, vous pouvez écrire au Défenseur des droits (<a href="https://formulaire.defenseurdesdroits.fr/" rel="noopener noreferrer">formulaire en ligne</a>) ou lui écrire par courrier gratuit, sans affranchissement : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.</p>`
  yield [`${ACCESSIBILITY_PATH}index.html`, renderPage({ title: 'Déclaration d’accessibilité', path: ACCESSIBILITY_PATH, main, description: `Déclaration d’accessibilité du ${SITE_NAME}.`, breadcrumb: [{ label: 'Accessibilité' }] })]
}
