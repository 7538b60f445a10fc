/** The formats of `registry changes`, without the formatters: the command line checks them before loading any. */
export type ChangesFormat = 'stylish' | 'markdown' | 'json'
export const CHANGES_FORMATS: readonly ChangesFormat[] = ['stylish', 'markdown', 'json']
