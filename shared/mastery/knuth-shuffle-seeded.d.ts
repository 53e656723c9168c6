/** The package ships no types: it shuffles the array in place with a seeded generator and returns it. */
declare module 'knuth-shuffle-seeded' {
  function shuffle<T>(array: T[], seed?: unknown): T[];
  export = shuffle;
}
