/**
 * Every page of the site, in one list: a generator per page type. To add a
 * page, write its module in this folder and add one line here.
 */
import type { PageGenerator } from '../context.ts'
import { accessibilityPage } from './accessibility.ts'
import { dataPage } from './data.ts'
import { editorPage } from './editor.ts'
import { evidencePage } from './evidence.ts'
import { homePage } from './home.ts'
import { incubatorPages, organisationPages } from './portfolios.ts'
import { standardsPage } from './standards.ts'
import { startupPages } from './startup-pages.ts'

export const PAGES: readonly PageGenerator[] = [
  homePage,
  startupPages,
  incubatorPages,
  organisationPages,
  standardsPage,
  evidencePage,
  dataPage,
  accessibilityPage,
  editorPage,
]
