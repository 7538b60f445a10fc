/**
 * The version of the v1 feed's format (api_version in its files): the minor goes up when fields
 * are added, the major (and the /api/vN path) when a field changes or goes. A module of its own,
 * so that what writes a feed block (lint/standards-report.ts, which the editor's preview runs in
 * the browser) needs none of the feed's schemas.
 */
export const API_VERSION = '1.1'
