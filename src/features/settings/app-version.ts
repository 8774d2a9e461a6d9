/** Replaced at build time by vite.config.ts `define` with package.json's version. */
declare const __APP_VERSION__: string

export const APP_VERSION: string = __APP_VERSION__
