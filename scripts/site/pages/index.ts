/**
 * Every page of the site, in one list: a generator per page type. To add a
 * page, write its module in this folder and add one line here.
 */
import type { PageGenerator } from '../context.ts'
import { accessibilityPage } from './accessibility.ts'
import { editorPage } from './editor.ts'

export const PAGES: readonly PageGenerator[] = [
  accessibilityPage,
  editorPage,
]
