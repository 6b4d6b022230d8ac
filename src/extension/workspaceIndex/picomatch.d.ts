// picomatch/posix: the matcher without Node's `path` or `process` (it runs in the web extension too).
declare module 'picomatch/posix' {
  type Matcher = (test: string) => boolean;
  interface Options { dot?: boolean; nocase?: boolean }
  function picomatch(glob: string | string[], options?: Options): Matcher;
  export default picomatch;
}
