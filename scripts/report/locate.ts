/**
 * Turns where a problem is (a JSON Pointer into the front matter, or an
 * offset) into a line and column of the whole file. Positions are computed
 * only for records that have problems: the YAML event stream is parsed again
 * on demand, so that a valid fiche costs no position bookkeeping at all.
 */
import { EVENT_ID, getScalarValue, parseEvents, SCALAR_STYLE, type Event } from 'js-yaml'

export interface NodeSpan {
  /** Offsets of the key (for a mapping member), relative to the YAML text. */
  keyStart?: number
  keyEnd?: number
  /** Offsets of the value (end is the start for collections). */
  start: number
  end: number
}

/** JSON Pointer → spans, from a YAML document's events. */
export function pointerMap(yaml: string): Map<string, NodeSpan> {
  const map = new Map<string, NodeSpan>()
  let events: Event[]
  try {
    events = parseEvents(yaml, { maxDepth: 1000 })
  } catch {
    return map
  }
  type Frame = { kind: 'map' | 'seq'; pointer: string; index: number; key?: string; keySpan?: [number, number] }
  const stack: Frame[] = []
  const childPointer = (): { pointer: string; isKey: boolean; frame?: Frame } => {
    const top = stack[stack.length - 1]
    if (!top) return { pointer: '', isKey: false }
    if (top.kind === 'seq') return { pointer: `${top.pointer}/${top.index++}`, isKey: false, frame: top }
    if (top.key === undefined) return { pointer: '', isKey: true, frame: top }
    return { pointer: `${top.pointer}/${escapePointer(top.key)}`, isKey: false, frame: top }
  }
  const setValue = (pointer: string, frame: Frame | undefined, start: number, end: number): void => {
    const span: NodeSpan = { start, end }
    if (frame?.kind === 'map' && frame.keySpan) {
      span.keyStart = frame.keySpan[0]
      span.keyEnd = frame.keySpan[1]
    }
    map.set(pointer, span)
    if (frame?.kind === 'map') {
      frame.key = undefined
      frame.keySpan = undefined
    }
  }
  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.SCALAR: {
        const { pointer, isKey, frame } = childPointer()
        // A quoted scalar's span includes its quotes, for keys as for values.
        const quoted = event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED
        const start = quoted ? event.valueStart - 1 : event.valueStart
        const end = quoted ? event.valueEnd + 1 : event.valueEnd
        if (isKey && frame) {
          frame.key = getScalarValue(yaml, event)
          frame.keySpan = [start, end]
          // A key with an empty value still has a place: the key itself.
          map.set(`${frame.pointer}/${escapePointer(frame.key)}`, { keyStart: start, keyEnd: end, start, end })
        } else {
          if (event.valueStart < 0) {
            // An empty value (`link:`): point at its key. An empty list item
            // (`-`) has no place of its own: leave it to its list's key.
            const k = frame?.kind === 'map' ? frame.keySpan : undefined
            if (k) setValue(pointer, frame, k[0], k[1])
            else if (frame?.kind !== 'seq') setValue(pointer, frame, 0, 0)
          } else {
            setValue(pointer, frame, start, end)
          }
        }
        break
      }
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        const { pointer, isKey, frame } = childPointer()
        let own = pointer
        if (isKey && frame) {
          // A complex key: give it, and its value, unreachable names so their children do not clash.
          frame.key = '\u0000complex'
          frame.keySpan = [event.start, event.start]
          own = `${frame.pointer}/\u0000complex-key`
        } else {
          setValue(pointer, frame, event.start, event.start)
        }
        stack.push({ kind: event.type === EVENT_ID.MAPPING ? 'map' : 'seq', pointer: own, index: 0 })
        break
      }
      case EVENT_ID.ALIAS: {
        const { pointer, frame } = childPointer()
        setValue(pointer, frame, event.anchorStart - 1, event.anchorEnd)
        break
      }
      case EVENT_ID.POP: {
        stack.pop()
        break
      }
    }
  }
  return map
}

export function escapePointer(key: string): string {
  if (!key.includes('~') && !key.includes('/')) return key
  return key.replace(/~/g, '~0').replace(/\//g, '~1')
}

export function parentPointer(pointer: string): string | undefined {
  if (pointer === '') return undefined
  return pointer.slice(0, pointer.lastIndexOf('/'))
}

/** Finds the span of a pointer, or of its nearest existing ancestor. */
export function findSpan(map: Map<string, NodeSpan>, pointer: string): { span?: NodeSpan; exact: boolean } {
  let p: string | undefined = pointer
  let exact = true
  while (p !== undefined) {
    const span = map.get(p)
    if (span) return { span, exact }
    p = parentPointer(p)
    exact = false
  }
  return { exact: false }
}

/**
 * Line starts of a text, for offset → line/column. The text is scanned only as far as the
 * offsets asked for: most problems sit in the front matter, and a registry's bodies are
 * hundreds of megabytes that no position needs.
 */
export class LineIndex {
  private readonly starts: number[] = [0]
  /** Whether every line start is in `starts`. */
  private complete = false
  /** For long lines: the columns (code points) before every BLOCK-th code unit, built on first use. */
  private readonly blocks = new Map<number, Int32Array>()
  constructor(private readonly text: string) {}

  /** Scans until the line that holds `offset` is known with its end: the next line's start is in `starts`, or the text is done. */
  private scanPast(offset: number): void {
    const starts = this.starts
    while (!this.complete && starts[starts.length - 1]! <= offset) {
      const eol = this.text.indexOf('\n', starts[starts.length - 1]!)
      if (eol === -1) this.complete = true
      else starts.push(eol + 1)
    }
  }

  /**
   * 1-based line and column; the column counts characters (code points).
   * Constant time per call after a first pass over a long line: a
   * one-line front matter of a megabyte with 100,000 problems took minutes
   * when each position counted the characters from the start of its line.
   */
  position(offset: number): { line: number; column: number } {
    const o = Math.max(0, Math.min(offset, this.text.length))
    this.scanPast(o)
    let lo = 0
    let hi = this.starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (this.starts[mid]! <= o) lo = mid
      else hi = mid - 1
    }
    const lineStart = this.starts[lo]!
    if (o - lineStart <= BLOCK) return { line: lo + 1, column: 1 + this.codePoints(lineStart, lineStart, o) }
    let blocks = this.blocks.get(lo)
    if (!blocks) {
      const lineEnd = lo + 1 < this.starts.length ? this.starts[lo + 1]! : this.text.length
      blocks = new Int32Array(Math.floor((lineEnd - lineStart) / BLOCK) + 1)
      for (let b = 1; b < blocks.length; b++) blocks[b] = blocks[b - 1]! + this.codePoints(lineStart, lineStart + (b - 1) * BLOCK, lineStart + b * BLOCK)
      this.blocks.set(lo, blocks)
    }
    const b = Math.floor((o - lineStart) / BLOCK)
    return { line: lo + 1, column: 1 + blocks[b]! + this.codePoints(lineStart, lineStart + b * BLOCK, o) }
  }

  /** Code points in [from, to) of a line: code units, less the low halves of surrogate pairs (a pair may straddle `from`). */
  private codePoints(lineStart: number, from: number, to: number): number {
    let n = 0
    for (let i = from; i < to; i++) {
      const c = this.text.charCodeAt(i)
      if (c >= 0xdc00 && c <= 0xdfff && i > lineStart) {
        const p = this.text.charCodeAt(i - 1)
        if (p >= 0xd800 && p <= 0xdbff) continue
      }
      n++
    }
    return n
  }
}

const BLOCK = 256
