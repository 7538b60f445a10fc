/**
 * The errors the command line turns into a message and exit code 2, in a module of their own
 * with no imports (neither the CLI nor a stage owns them): `registry --help` loads the command line without the configuration parser,
 * the lint rules or the writer they live beside (each module re-exports its own).
 */

/** A configuration file that cannot be used (unreadable, not JSON, unknown keys…). */
export class ConfigError extends Error {}

/** An output folder that cannot be written. */
export class OutputError extends Error {}

/**
 * A request that cannot be carried out as asked: bad arguments, a git revision that does not
 * exist, a folder that is not a git repository. The command line adds « voir registry --help ».
 */
export class UsageError extends Error {}

/**
 * No network: no server answered (connection refused, name not found), said once for the whole
 * command (`propose`, `report --pr`, `lint --online`) rather than once per request.
 */
export class NetworkError extends Error {}

/** The error codes of a network that does not answer at all (as opposed to a server's error answer). */
export const NO_NETWORK_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN', 'EHOSTDOWN'])
