/**
 * The registry's configuration, read from disk (`registry.config.json` at the
 * root, or a file given) and checked against the catalogue of rules. The
 * parsing itself is pure (load/config.ts); this is its edge.
 */
import { closeSync, constants, fstatSync, openSync, promises as fsp, readSync, statSync } from 'node:fs'
import path from 'node:path'
import { ConfigError } from '../errors.ts'
import { DEFAULT_CONFIG, parseConfig as parseWith, type RegistryConfig } from '../load/config.ts'

export { COLLECTIONS, withRepositoryFromEnvironment, type Collection, type RegistryConfig } from '../load/config.ts'
export { findRoot } from './find-root.ts'
import { RULE_CATALOGUE } from '../lint/rule-catalogue.ts'


/** A configuration file is a few hundred bytes: far beyond this, it is not one. */
export const MAX_CONFIG_BYTES = 1024 * 1024

/**
 * Parses and checks a configuration's text (`file` names it in messages).
 * @throws ConfigError with a French message saying what to change.
 */
export function parseConfig(text: string, file: string): RegistryConfig {
  return parseWith(text, file, RULE_CATALOGUE)
}

/**
 * The configuration of the registry at `root`: the file `file` when given (relative to `cwd`),
 * otherwise `<root>/registry.config.json` when it exists, otherwise the defaults.
 *
 * The file is read without following a symbolic link, and only if it is a
 * regular file of reasonable size: a link could point outside the registry
 * (its target quoted in an error), to /dev/zero (memory) or to a named pipe
 * (a read that never ends). Checked before opening, and again on the opened
 * file (O_NOFOLLOW, O_NONBLOCK), in case it was swapped meanwhile.
 * @throws ConfigError when the file cannot be used.
 */
export async function readConfig(root: string, file?: string, cwd = process.cwd()): Promise<RegistryConfig> {
  const target = file === undefined ? path.join(root, 'registry.config.json') : path.resolve(cwd, file)
  const refuse = (what: string) => new ConfigError(`Le fichier de configuration ${target} ${what}`)
  let stat
  try {
    stat = await fsp.lstat(target)
  } catch (err) {
    if (file === undefined && (err as NodeJS.ErrnoException).code === 'ENOENT') return structuredClone(DEFAULT_CONFIG)
    throw refuse(`ne peut pas être lu (${(err as NodeJS.ErrnoException).code}).`)
  }
  if (stat.isSymbolicLink()) throw refuse("est un lien symbolique : il n’est pas suivi. Mettez le fichier lui-même à cet endroit.")
  if (!stat.isFile()) throw refuse("n’est pas un fichier ordinaire : il n’est pas lu.")
  return parseConfig(readSmallFile(target, MAX_CONFIG_BYTES, refuse), target)
}

function readSmallFile(file: string, max: number, refuse: (what: string) => ConfigError): string {
  let fd: number
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0))
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    throw refuse(code === 'ELOOP' ? "est un lien symbolique : il n’est pas suivi." : `ne peut pas être lu (${code}).`)
  }
  try {
    if (!fstatSync(fd).isFile()) throw refuse("n’est pas un fichier ordinaire : il n’est pas lu.")
    const buffer = Buffer.alloc(max + 1)
    let length = 0
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, length)
      if (n === 0) break
      length += n
      if (length > max) throw refuse(`dépasse ${max} octets : ce n’est pas une configuration.`)
    }
    return buffer.subarray(0, length).toString('utf8')
  } catch (err) {
    if (err instanceof ConfigError) throw err
    throw refuse(`ne peut pas être lu (${(err as NodeJS.ErrnoException).code ?? 'EIO'}).`)
  } finally {
    closeSync(fd)
  }
}
