// Types for bundle-options.mjs, which the build runs as plain JavaScript (no TypeScript needed).
export declare const ESBUILD: string;
export declare const ENTRY_POINTS: readonly string[];
export declare const EXTERNAL: readonly string[];
export declare function esbuildArgs(outdir: string, entryPoints?: readonly string[]): string[];
