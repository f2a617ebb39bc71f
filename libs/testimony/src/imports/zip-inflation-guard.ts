import { inflateRawSync } from 'node:zlib';
import { IMPORT_LIMITS } from './import-limits';
import { UnreadableSurveyFile } from './import-errors';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

const notAWorkbook = () =>
  new UnreadableSurveyFile(
    'the file is not an Excel workbook (.xlsx): in Microsoft Forms choose "Open results in Excel" and upload the file it downloads, or save the sheet as .xlsx or .csv',
  );

const tooBig = () =>
  new UnreadableSurveyFile(
    `the workbook unpacks to more than ${IMPORT_LIMITS.inflatedBytes / 1024 / 1024} MB, far more than a survey export: upload the Forms export itself, or split the responses into smaller files`,
    { limitBytes: IMPORT_LIMITS.inflatedBytes },
  );

/**
 * An .xlsx is a zip. Before exceljs inflates it (all of it, in memory), inflate every entry here
 * with a running budget, so a zip bomb (a few KB that unpack to gigabytes, or entries that lie
 * about their size) is refused after at most the budget's worth of work. Zip64 and encryption are
 * never in a spreadsheet export, so they are refused too.
 */
export function checkXlsxInflation(file: Buffer): void {
  const end = findEndOfCentralDirectory(file);
  const entries = file.readUInt16LE(end + 10);
  let at = file.readUInt32LE(end + 16);
  if (entries === 0xffff || at === 0xffffffff) throw notAWorkbook();
  if (entries > IMPORT_LIMITS.zipEntries) throw tooBig();
  let budget = IMPORT_LIMITS.inflatedBytes;
  for (let index = 0; index < entries; index += 1) {
    if (at + 46 > file.length || file.readUInt32LE(at) !== CENTRAL_ENTRY) throw notAWorkbook();
    const flags = file.readUInt16LE(at + 8);
    const method = file.readUInt16LE(at + 10);
    const compressedSize = file.readUInt32LE(at + 20);
    const declaredSize = file.readUInt32LE(at + 24);
    const nameLength = file.readUInt16LE(at + 28);
    const localAt = file.readUInt32LE(at + 42);
    if (flags & 0x1 || (method !== STORED && method !== DEFLATED)) throw notAWorkbook();
    if (declaredSize > budget) throw tooBig();
    budget -= inflatedSize(file, localAt, method, compressedSize, budget);
    at += 46 + nameLength + file.readUInt16LE(at + 30) + file.readUInt16LE(at + 32);
  }
}

function findEndOfCentralDirectory(file: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535, at the very end.
  const earliest = Math.max(0, file.length - 22 - 0xffff);
  for (let at = file.length - 22; at >= earliest; at -= 1) {
    if (file.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  throw notAWorkbook();
}

/** The entry's real inflated size; refuses once it passes what is left of the budget. */
function inflatedSize(file: Buffer, localAt: number, method: number, compressed: number, budget: number) {
  if (localAt + 30 > file.length || file.readUInt32LE(localAt) !== LOCAL_HEADER) throw notAWorkbook();
  const dataAt = localAt + 30 + file.readUInt16LE(localAt + 26) + file.readUInt16LE(localAt + 28);
  if (dataAt + compressed > file.length) throw notAWorkbook();
  if (method === STORED) {
    if (compressed > budget) throw tooBig();
    return compressed;
  }
  let size: number;
  try {
    size = inflateRawSync(file.subarray(dataAt, dataAt + compressed), { maxOutputLength: budget + 1 }).length;
  } catch (error) {
    // By code, not instanceof RangeError: zlib's errors may come from another realm (jest's vm).
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') throw tooBig();
    throw notAWorkbook();
  }
  if (size > budget) throw tooBig();
  return size;
}
