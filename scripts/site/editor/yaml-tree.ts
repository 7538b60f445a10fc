/**
 * Where each node of a front matter sits in the text: a small tree of spans
 * built from js-yaml 5's event stream (the parser `registry validate` uses),
 * for the editor's text model to change a value in place. Pure, no `node:`
 * module: it runs in the browser.
 *
 * Offsets are absolute in the text handed to `yamlTree` (the caller passes
 * the whole file and the front matter's bounds). Every span ends where the
 * node's content ends: after the closing quote of a quoted scalar, after the
 * last non-blank character of a block scalar, after the closing bracket of a
 * flow collection, after the end of the last item of a block collection.
 */
import { COLLECTION_STYLE, EVENT_ID, getScalarValue, parseEvents, SCALAR_STYLE, type Event, type ScalarStyle } from 'js-yaml'

export type YamlNode = ScalarNode | MapNode | SeqNode

interface NodeBase {
  /** Where the node's content starts (a quote, a bracket, the first key); -1 for an empty value. */
  start: number
  /** Where its content ends (see the file comment); equal to `start` for an empty value. */
  end: number
  /** Inside a flow collection (`[a, b]`): plain scalars there obey other rules. */
  inFlow: boolean
}

export interface ScalarNode extends NodeBase {
  kind: 'scalar'
  style: ScalarStyle
}

export interface MapEntry {
  key: string
  /** The key's span, quotes included. */
  keyStart: number
  keyEnd: number
  value: YamlNode
}

export interface MapNode extends NodeBase {
  kind: 'map'
  flow: boolean
  entries: MapEntry[]
}

export interface SeqNode extends NodeBase {
  kind: 'seq'
  flow: boolean
  items: YamlNode[]
}

const SPACE = /[ \t\r\n]/

/**
 * The tree of a YAML text `text.slice(from, to)`, offsets absolute in `text`;
 * undefined when the events cannot be read (the caller then rewrites the whole
 * front matter) or the document is empty.
 */
export function yamlTree(text: string, from: number, to: number, maxDepth: number): YamlNode | undefined {
  const yaml = text.slice(from, to)
  let events: Event[]
  try {
    events = parseEvents(yaml, { maxDepth })
  } catch {
    return undefined
  }
  type Frame = { node: MapNode | SeqNode; pendingKey?: { key: string; start: number; end: number } }
  const stack: Frame[] = []
  let root: YamlNode | undefined
  const attach = (node: YamlNode): void => {
    const top = stack[stack.length - 1]
    if (!top) {
      root = node
      return
    }
    if (top.node.kind === 'seq') {
      top.node.items.push(node)
      return
    }
    const key = top.pendingKey
    if (!key) return // a key: handled by the caller
    top.node.entries.push({ key: key.key, keyStart: key.start, keyEnd: key.end, value: node })
    top.pendingKey = undefined
  }
  const isKeyPosition = (): boolean => {
    const top = stack[stack.length - 1]
    return top !== undefined && top.node.kind === 'map' && top.pendingKey === undefined
  }
  const inFlow = (): boolean => stack.some((f) => f.node.flow)
  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.SCALAR: {
        const quoted = event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED
        const block = event.style === SCALAR_STYLE.LITERAL_BLOCK || event.style === SCALAR_STYLE.FOLDED_BLOCK
        let start = event.valueStart < 0 ? -1 : from + event.valueStart - (quoted ? 1 : 0)
        let end = event.valueStart < 0 ? -1 : from + event.valueEnd + (quoted ? 1 : 0)
        if (block && start >= 0) {
          // The event's range runs to the end of the trailing blank lines: stop at the last
          // character that is not a space (the header `|-` itself when the content is blank).
          while (end > from && SPACE.test(text[end - 1]!)) end--
          if (end < start) start = end
        }
        if (isKeyPosition()) {
          const top = stack[stack.length - 1]!
          top.pendingKey = { key: event.valueStart < 0 ? '' : getScalarValue(yaml, event), start, end }
        } else {
          attach({ kind: 'scalar', style: event.style, start, end, inFlow: inFlow() })
        }
        break
      }
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        const flow = event.style === COLLECTION_STYLE.FLOW
        const node: MapNode | SeqNode =
          event.type === EVENT_ID.MAPPING
            ? { kind: 'map', flow, entries: [], start: from + event.start, end: from + event.start, inFlow: inFlow() }
            : { kind: 'seq', flow, items: [], start: from + event.start, end: from + event.start, inFlow: inFlow() }
        // A collection as a key: not a fiche; the whole front matter is rewritten if edited.
        if (isKeyPosition()) return undefined
        attach(node)
        stack.push({ node })
        break
      }
      case EVENT_ID.ALIAS:
        // Refused by the parse stage: a fiche with an alias is never edited in place.
        return undefined
      case EVENT_ID.POP: {
        const frame = stack.pop()
        if (!frame) break
        const node = frame.node
        const last = node.kind === 'map' ? node.entries[node.entries.length - 1]?.value : node.items[node.items.length - 1]
        let end = last ? Math.max(last.end, node.start) : node.start
        if (node.kind === 'map' && node.entries.length > 0) {
          const entry = node.entries[node.entries.length - 1]!
          end = Math.max(end, entry.keyEnd)
        }
        if (node.flow) end = closingBracket(text, end, to, node.kind === 'map' ? '}' : ']') ?? end
        node.end = end
        break
      }
    }
  }
  return root
}

/** The offset just past the bracket closing a flow collection whose content ends at `from`. */
function closingBracket(text: string, from: number, to: number, close: string): number | undefined {
  let i = from
  // An empty collection: its start is the opening bracket.
  if (text[i] === '[' || text[i] === '{') i++
  while (i < to) {
    const c = text[i]!
    if (c === close) return i + 1
    if (c === '#') {
      const eol = text.indexOf('\n', i)
      i = eol === -1 ? to : eol + 1
      continue
    }
    if (c === ',' || SPACE.test(c)) {
      i++
      continue
    }
    return undefined
  }
  return undefined
}
