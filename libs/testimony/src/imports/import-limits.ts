/**
 * How big a survey export may be. A Forms export of the office's survey is a few thousand rows of
 * a few dozen columns; these leave room for ten times that while keeping one upload's memory and
 * time bounded (an .xlsx is a zip: its inflated size is what costs, so that is limited too).
 */
export const IMPORT_LIMITS = {
  /** The uploaded file itself. */
  fileBytes: 10 * 1024 * 1024,
  /** Everything inside an .xlsx once inflated: a zip bomb stops here, before exceljs sees it. */
  inflatedBytes: 60 * 1024 * 1024,
  /** Files inside an .xlsx (a real one has a dozen or two). */
  zipEntries: 500,
  /** Responses (rows after the header row). */
  rows: 20_000,
  columns: 200,
  /** Any one cell, in characters: a long story is a few thousand. */
  cellCharacters: 20_000,
} as const;

/** How long an upload's parsed rows are kept before they are cleared: one working day to map and commit. */
export const IMPORT_KEPT_FOR_MS = 24 * 60 * 60 * 1000;
