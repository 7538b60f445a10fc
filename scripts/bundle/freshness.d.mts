export declare const BUNDLE_DIR: string
export declare const MANIFEST: string
export declare function sha256(bytes: string | Uint8Array): string
export declare function bundleState(root: string): 'fresh' | 'missing' | 'stale'
