/** The names of the diagnostic formatters (`--format`), without the formatters: the command line checks them before loading any. */
export const FORMAT_NAMES = ['stylish', 'json', 'github', 'markdown', 'sarif'] as const
export type FormatName = (typeof FORMAT_NAMES)[number]

/** The formats that print diagnostics' fixes (`Diagnostic.fix`): the others spare resolving them. test/report/formatters/names.test.ts holds this list to what each formatter prints. */
export const FORMATS_WITH_FIXES: ReadonlySet<FormatName> = new Set(['json', 'sarif'])
