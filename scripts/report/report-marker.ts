/** The hidden first line of the pull-request report: how its comment is found again. */
export const REPORT_MARKER = '<!-- registry-report -->'
