import type { BuildOptions } from 'esbuild'
export declare const ENTRY_POINTS: Record<string, string>
export declare function bundleOptions(entryPoints: Record<string, string>, outdir: string): BuildOptions & { metafile: true }
export declare const EDITOR_ENTRY: string
export declare const EDITOR_BUNDLE: string
export declare function browserBundleOptions(entry: string): BuildOptions & { metafile: true; write: false }
