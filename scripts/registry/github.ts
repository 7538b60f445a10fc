/** The GitHub client a caller creates from its token (never printed) for report and propose, and the OWNER/NAME parser. */
export { createGitHub, parseRepo, type GitHub } from '../github/client.ts'
