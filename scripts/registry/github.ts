/**
 * GitHub, for report and propose: the client a caller creates from its token (never printed),
 * the OWNER/NAME parser, the bot account whose comment is adopted, the workflow run's address.
 */
export { createGitHub, parseRepo, type GitHub } from '../github/client.ts'
export { ACTIONS_BOT, botLogin } from '../github/pr-comment.ts'
export { runUrl } from '../github/post-report.ts'
