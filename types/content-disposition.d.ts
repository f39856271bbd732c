// content-disposition 0.5 (jshttp, already Express's) ships no types.
declare module 'content-disposition' {
  function contentDisposition(
    filename?: string,
    options?: { type?: string; fallback?: string | boolean },
  ): string
  export default contentDisposition
}
