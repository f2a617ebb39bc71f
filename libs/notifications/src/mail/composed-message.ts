import MailComposer from 'nodemailer/lib/mail-composer';
import type Mail from 'nodemailer/lib/mailer';
import type MimeNode from 'nodemailer/lib/mime-node';
import { encode as qpEncode, wrap as qpWrap } from 'nodemailer/lib/qp';

/** A message composed into the bytes that go on the wire, with what the SMTP envelope needs. */
export interface ComposedMessage {
  raw: Buffer;
  envelope: MimeNode.Envelope;
  messageId: string;
}

/** nodemailer's encoders wrap at 76 characters (RFC 2045). */
const LINE_LENGTH = 76;
/** The quoted-printable encoder encodes its input in slices of 64 KiB; one slice is written here. */
const QP_SLICE_BYTES = 64 * 1024;

/**
 * Composes a message as nodemailer's MailComposer does (the same tree, headers, boundaries and
 * transfer encodings: nodemailer decides every one of them), but writes the tree in one pass,
 * synchronously, instead of through nodemailer's streams. MimeNode.build() pipes every part
 * through a PassThrough, an encoder Transform, pipeline() and finished() with a setImmediate
 * between steps; for an invitation's five parts that machinery cost more CPU than the encoding
 * itself (a profile of the worker: AbortSignals, DOMExceptions, stream writes). The bytes are the
 * same as build()'s (composed-message.spec.ts compares the two); a tree this writer does not
 * cover (streamed, file or URL content, pre-built raw parts, a quoted-printable part over one
 * encoder slice, or a non-text part in quoted-printable) is left to build().
 */
export async function composeMessage(options: Mail.Options): Promise<ComposedMessage> {
  const root = new MailComposer(options).compile();
  const raw = writeInOnePass(root) ?? (await root.build());
  return { raw, envelope: root.getEnvelope(), messageId: root.messageId() };
}

/** The compiled tree's bytes, as root.build() would give them; null for a tree left to build(). */
export function writeInOnePass(root: MimeNode): Buffer | null {
  const text = nodeText(root);
  return text === null ? null : Buffer.from(withLastNewline(text), 'utf8');
}

/** The parts of a MimeNode this writer reads that @types/nodemailer leaves out. */
interface NodeInternals {
  _raw?: unknown;
  _transforms?: unknown[];
  _processFuncs?: unknown[];
  newline?: unknown;
}

/**
 * One node as MimeNode.stream() writes it: headers, content, then each child between boundaries;
 * null when the node or a child is one this writer does not cover. One walk both checks and
 * writes, so each node's transfer encoding (a scan of its text) is asked for once here.
 */
function nodeText(node: MimeNode): string | null {
  const internals = node as unknown as NodeInternals;
  if (internals._raw || internals._transforms?.length || internals._processFuncs?.length) return null;
  if (internals.newline) return null;
  const { content } = node;
  if (content !== undefined && typeof content !== 'string') return null;
  const transferEncoding = content ? node.getTransferEncoding() : false;
  if (content && transferEncoding === 'quoted-printable') {
    // As MimeNode.stream() decides: only text keeps its line breaks as line breaks.
    if (!/^text\//i.test(String(node.getHeader('Content-Type') ?? ''))) return null;
    if (Buffer.byteLength(content, 'utf8') > QP_SLICE_BYTES) return null;
  }
  let text = `${node.buildHeaders()}\r\n\r\n`;
  if (content) text += encodedContent(content, transferEncoding);
  if (!node.multipart) return text;
  for (const [index, child] of node.childNodes.entries()) {
    const childText = nodeText(child);
    if (childText === null) return null;
    text += `${index > 0 ? '\r\n' : ''}--${String(node.boundary)}\r\n${childText}`;
  }
  return `${text}\r\n--${String(node.boundary)}--\r\n`;
}

function encodedContent(content: string, transferEncoding: string | false): string {
  if (transferEncoding === 'base64') return base64Lines(content);
  if (transferEncoding === 'quoted-printable') return quotedPrintable(content);
  return content;
}

/** Base64 in lines of 76 characters, the last one without a line break, as nodemailer writes it. */
function base64Lines(content: string): string {
  const encoded = Buffer.from(content, 'utf8').toString('base64');
  let text = '';
  for (let start = 0; start < encoded.length; start += LINE_LENGTH) {
    text += start === 0 ? encoded.slice(0, LINE_LENGTH) : `\r\n${encoded.slice(start, start + LINE_LENGTH)}`;
  }
  return text;
}

/**
 * Quoted-printable as nodemailer's encoder writes one slice of text: the whitespace the text ends
 * with is held back until the end of the input is known (where it must be encoded), then encoded
 * onto the last line and that line wrapped again. Uses nodemailer's own encode and wrap.
 */
function quotedPrintable(content: string): string {
  const bytes = Buffer.from(content, 'utf8');
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 0x20 || bytes[end - 1] === 0x09)) end -= 1;
  const body = end > 0 ? qpWrap(qpEncode(bytes.subarray(0, end)), LINE_LENGTH) : '';
  if (end === bytes.length) return body;
  const lastLineStart = body.lastIndexOf('\n') + 1;
  return (
    body.slice(0, lastLineStart) +
    qpWrap(body.slice(lastLineStart) + qpEncode(bytes.subarray(end)), LINE_LENGTH)
  );
}

/** The message ends with a line break, as nodemailer's LastNewline transform makes sure. */
function withLastNewline(text: string): string {
  if (text.endsWith('\n')) return text;
  return text.endsWith('\r') ? `${text}\n` : `${text}\r\n`;
}
