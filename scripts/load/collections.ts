/** The three collections of a registry, each one folder of fiches (named after it unless the configuration says otherwise). */
export const COLLECTIONS = ['startups', 'organisations', 'incubators'] as const
export type Collection = (typeof COLLECTIONS)[number]
