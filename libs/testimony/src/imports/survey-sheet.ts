/**
 * A survey export as read from its file: the header row (question texts, made unique) and one
 * row of cell texts per response. Every cell is text: numbers as written, dates as ISO 8601,
 * formulas as their last calculated value (never evaluated here), empty cells as ''.
 */
export interface SurveySheet {
  headers: string[];
  rows: SurveyRow[];
}

/** A response, with its row number as the spreadsheet shows it (the header is row 1). */
export interface SurveyRow {
  row: number;
  cells: string[];
}

export type SurveyFileFormat = 'xlsx' | 'csv';
