/** The names of the diagnostic formatters (`--format`), without the formatters: the command line checks them before loading any. */
export const FORMAT_NAMES = ['stylish', 'json', 'github', 'markdown', 'sarif'] as const
export type FormatName = (typeof FORMAT_NAMES)[number]
