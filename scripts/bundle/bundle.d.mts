import type { BuildOptions, Metafile, OutputFile } from 'esbuild'
export declare const ENTRY_POINTS: Record<string, string>
export declare function bundleOptions(entryPoints: Record<string, string>, outdir: string): BuildOptions & { metafile: true }
export declare const EDITOR_ENTRY: string
export declare const EDITOR_APP: string
export declare const EDITOR_DIR: string
export declare const EDITOR_SCRIPT_NAME: string
export declare const EDITOR_SCRIPTS_LIST: string
export declare function browserBundleOptions(entry: string): BuildOptions & { metafile: true; write: false }
export declare function editorBundleOptions(): BuildOptions & { metafile: true; write: false }
export declare function editorFiles(result: { metafile: Metafile; outputFiles: OutputFile[] }): { files: { name: string; contents: Uint8Array }[]; eager: string[] }
