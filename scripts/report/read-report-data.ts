/**
 * Reads the report data a pull request's run left in its artifact, as data:
 * at most MAX_DATA_BYTES, a regular file (no link followed, no pipe waited
 * on), JSON, then checked by report-data.ts. Whatever goes wrong is a refusal
 * with its reasons, never an exception.
 */
import { constants, promises as fsp } from 'node:fs'
import type { RegistryConfig } from '../load/config.ts'
import { checkReportData, MAX_DATA_BYTES, type CheckedReport } from './report-data.ts'

export async function readReportData(file: string, config: Pick<RegistryConfig, 'collections'>): Promise<CheckedReport> {
  let text: string
  try {
    const handle = await fsp.open(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK)
    try {
      const stat = await handle.stat()
      if (!stat.isFile()) return { ok: false, problems: [`${file} n’est pas un fichier ordinaire`] }
      if (stat.size > MAX_DATA_BYTES) return { ok: false, problems: [`${file} pèse ${stat.size} octets, plus que ${MAX_DATA_BYTES}`] }
      const buffer = Buffer.alloc(stat.size)
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0)
      text = new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, bytesRead))
    } finally {
      await handle.close()
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    return { ok: false, problems: [`${file} ne peut pas être lu (${code ?? 'UTF-8 invalide'})`] }
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (err) {
    return { ok: false, problems: [`${file} n’est pas du JSON (${(err as Error).message.slice(0, 200)})`] }
  }
  return checkReportData(value, config)
}
