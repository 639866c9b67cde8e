// esbuild bundles CSS imported from TypeScript into its own file.
declare module '*.css';
