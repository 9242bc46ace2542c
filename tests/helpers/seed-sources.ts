// The outlets each item of the seed document cites, in document order (the
// import issue's list): shared by the detector's unit test and the import test.
export const SEED_SOURCES: string[][] = [
  ['Euphrates Post'],
  ['Euphrates Post'],
  [],
  ['TASS'],
  ['Euphrates Post'],
  [],
  ['Reuters'],
  ['RIA Novosti'],
  [],
  ['RBC'],
];
